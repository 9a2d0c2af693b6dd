using System.Collections;
using System.Runtime.CompilerServices;
using TorchSharp;
using Interactive = Microsoft.DotNet.Interactive.Formatting;

namespace GenAI.Display;

/// <summary>
/// Teaches the official .NET Interactive kernel (VS Code's Polyglot Notebooks, <c>dotnet-interactive jupyter</c>)
/// to show the course's values as our engine does: figures as static SVG, image grids as PNG, tables with
/// German numbers, modules as PyTorch prints them. Without this it draws every one of them as an object tree.
/// Registered only when that kernel's formatter is already loaded, so our own engine never loads it.
/// </summary>
internal static class InteractiveFormatting
{
    private const string FormattingAssembly = "Microsoft.DotNet.Interactive.Formatting";

    /// <summary>Registers the formatters if the process hosts .NET Interactive.</summary>
    public static void RegisterIfHosted()
    {
        if (AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == FormattingAssembly)) Register();
    }

    // Separate method: its body references the Formatting assembly, which must not load in our own engine.
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void Register()
    {
        Interactive.Formatter.Register(typeof(IDisplayable), (value, writer) => writer.Write(Html(Formatter.ToMimeBundle(value))), MimeBundle.TextHtml);
        Interactive.Formatter.Register(typeof(torch.nn.Module), (value, writer) => writer.Write(Html(Formatter.ToMimeBundle(value))), MimeBundle.TextHtml);
        Interactive.Formatter.Register(typeof(torch.Tensor), (value, writer) => writer.Write($"<pre>{HtmlText.Escape(Formatter.ToPlainText(value))}</pre>"), MimeBundle.TextHtml);
        // Sequences of records/anonymous objects become our German tables; anything else stays .NET Interactive's.
        Interactive.Formatter.Register(typeof(IEnumerable), new Interactive.FormatDelegate<object>((value, context) =>
        {
            if (TableFormatter.TryFormat(value) is not { } table) return false;
            context.Writer.Write(Html(table));
            return true;
        }), MimeBundle.TextHtml);
    }

    /// <summary>
    /// The HTML a notebook front end shows without extra scripts: SVG and PNG before HTML, because our
    /// figures' HTML needs plotly.js, which the official kernel does not load (and offline could not).
    /// </summary>
    internal static string Html(MimeBundle bundle)
    {
        if (bundle.TryGetValue(MimeBundle.ImageSvg, out var svg)) return svg;
        if (bundle.TryGetValue(MimeBundle.ImagePng, out var png)) return $"<img src=\"data:image/png;base64,{png}\" alt=\"\"/>";
        if (bundle.TryGetValue(MimeBundle.TextHtml, out var html)) return html;
        return bundle.TryGetValue(MimeBundle.TextPlain, out var text) ? $"<pre>{HtmlText.Escape(text)}</pre>" : "";
    }
}
