using System.Globalization;

namespace GenAI.Kernel.Protocol;

/// <summary>
/// Header dates. jupyter_client parses only up to 6 fractional digits (jsonutil.py ISO8601_PAT);
/// .NET's round-trip format "o" writes 7, so we format explicitly.
/// </summary>
public static class JupyterDate
{
    /// <summary>Formats a UTC time like <c>2026-11-22T01:37:03.642656Z</c>.</summary>
    public static string Format(DateTime utc) =>
        utc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Now, formatted.</summary>
    public static string Now() => Format(DateTime.UtcNow);
}
