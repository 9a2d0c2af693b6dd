namespace GenAI.Data;

/// <summary>Where a data file is (or would be) taken from, in the order they are tried.</summary>
public enum DataSource
{
    /// <summary>Shipped inside the library; always present.</summary>
    Embedded,
    /// <summary>The folder named by <c>GENAI_DATA_DIR</c>.</summary>
    DataDirectory,
    /// <summary>The user's cache folder, filled by earlier downloads.</summary>
    Cache,
    /// <summary>A folder an operating-system package installs to, e.g. <c>/usr/share/datasets</c>.</summary>
    System,
    /// <summary>Not on this machine: would be downloaded.</summary>
    Download,
    /// <summary>Not on this machine and no download address is known.</summary>
    Missing,
}

/// <summary>The result of looking for a file without downloading it.</summary>
/// <param name="File">The file looked for.</param>
/// <param name="Source">Where it is, or would come from.</param>
/// <param name="Path">The verified local path when present; for <see cref="DataSource.Download"/> the cache path it would be saved to.</param>
/// <param name="Rejected">Copies found but not used, each with the reason (wrong checksum, truncated, ...).</param>
public sealed record DataFileLocation(DataFile File, DataSource Source, string? Path, IReadOnlyList<string> Rejected)
{
    /// <summary>True when the file is on this machine and verified.</summary>
    public bool IsPresent => Source is DataSource.Embedded or DataSource.DataDirectory or DataSource.Cache or DataSource.System;
}
