namespace GenAI.Display;

/// <summary>
/// The one convention between the helper library and any notebook front end: an object that wants
/// rich display returns a MIME bundle. The notebook engine asks for it; objects that do not
/// implement it fall back to the engine's built-in formatters (tables for sequences, plain text).
/// </summary>
public interface IDisplayable
{
    /// <summary>Renders this object as a Jupyter MIME bundle (several representations of one value).</summary>
    MimeBundle ToMimeBundle();
}
