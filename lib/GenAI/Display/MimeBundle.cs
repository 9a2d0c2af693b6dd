using System.Collections;

namespace GenAI.Display;

/// <summary>
/// Several representations of one value, keyed by MIME type, as Jupyter's <c>display_data</c> carries
/// them. Text formats are stored as strings; binary formats (<c>image/png</c>) as base64 strings, which
/// is how nbformat stores them too. A front end picks the richest representation it can show.
/// </summary>
public sealed class MimeBundle : IReadOnlyDictionary<string, string>
{
    /// <summary>MIME type of plain text; every bundle should carry it as the last-resort fallback.</summary>
    public const string TextPlain = "text/plain";
    /// <summary>MIME type of HTML fragments.</summary>
    public const string TextHtml = "text/html";
    /// <summary>MIME type of Markdown.</summary>
    public const string TextMarkdown = "text/markdown";
    /// <summary>MIME type of SVG images (stored as XML text).</summary>
    public const string ImageSvg = "image/svg+xml";
    /// <summary>MIME type of PNG images (stored base64-encoded).</summary>
    public const string ImagePng = "image/png";
    /// <summary>MIME type of a plotly.js figure (JSON with <c>data</c> and <c>layout</c>).</summary>
    public const string Plotly = "application/vnd.plotly.v1+json";
    /// <summary>MIME type of generic JSON.</summary>
    public const string Json = "application/json";

    private readonly Dictionary<string, string> _data = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object> _metadata = new(StringComparer.Ordinal);

    /// <summary>Per-MIME-type metadata (e.g. <c>{"image/png": {"width": 400}}</c>), as Jupyter defines it.</summary>
    public IReadOnlyDictionary<string, object> Metadata => _metadata;

    /// <summary>Adds (or replaces) one representation. Returns this bundle for chaining.</summary>
    public MimeBundle Add(string mimeType, string data)
    {
        ArgumentException.ThrowIfNullOrEmpty(mimeType);
        ArgumentNullException.ThrowIfNull(data);
        _data[mimeType] = data;
        return this;
    }

    /// <summary>Adds a binary representation, base64-encoding it as nbformat requires.</summary>
    public MimeBundle Add(string mimeType, ReadOnlySpan<byte> data) => Add(mimeType, Convert.ToBase64String(data));

    /// <summary>Attaches metadata for one MIME type. Returns this bundle for chaining.</summary>
    public MimeBundle WithMetadata(string mimeType, object metadata)
    {
        _metadata[mimeType] = metadata;
        return this;
    }

    /// <summary>A bundle with only a plain-text representation.</summary>
    public static MimeBundle PlainText(string text) => new MimeBundle().Add(TextPlain, text);

    /// <inheritdoc/>
    public string this[string key] => _data[key];
    /// <inheritdoc/>
    public IEnumerable<string> Keys => _data.Keys;
    /// <inheritdoc/>
    public IEnumerable<string> Values => _data.Values;
    /// <inheritdoc/>
    public int Count => _data.Count;
    /// <inheritdoc/>
    public bool ContainsKey(string key) => _data.ContainsKey(key);
    /// <inheritdoc/>
    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string value) => _data.TryGetValue(key, out value);
    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _data.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
