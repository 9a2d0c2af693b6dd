namespace GenAI.Data;

/// <summary>
/// A data file is neither on this machine nor downloadable right now (offline, server error, wrong
/// checksum). The message is for the learner: it names the file, the address, and where to put a
/// copy by hand (<c>GENAI_DATA_DIR</c>).
/// </summary>
public sealed class DataUnavailableException : IOException
{
    /// <summary>Creates the exception.</summary>
    public DataUnavailableException(string message, DataFile file, Exception? inner = null) : base(message, inner)
    {
        File = file;
    }

    /// <summary>The file that could not be provided.</summary>
    public DataFile File { get; }
}
