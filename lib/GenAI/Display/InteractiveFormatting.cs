using System.Collections;
using System.Runtime.CompilerServices;
using GenAI.Core;
using Microsoft.Data.Analysis;
using TorchSharp;
using Interactive = Microsoft.DotNet.Interactive.Formatting;

namespace GenAI.Display;

/// <summary>
/// Teaches the official .NET Interactive kernel (VS Code's Polyglot Notebooks, <c>dotnet-interactive jupyter</c>)
/// to show the course's values as our engine does: figures as static SVG, image grids as PNG, tables (DataFrames and
/// sequences) with German numbers, modules as PyTorch prints them. Without this it draws every one of them as an object tree.
/// Registered only when that kernel's formatter is already loaded, so our own engine never loads it.
/// </summary>
internal static class InteractiveFormatting
{
    private const string FormattingAssembly = "Microsoft.DotNet.Interactive.Formatting";

    // Set once the Formatting assembly is in the process: in the official kernel from the start, in our engine
    // only when a cell uses it (e.g. Formatter.Register, as .NET Interactive's documentation notebooks do).
    private static volatile bool _formattingLoaded;

    static InteractiveFormatting()
    {
        AppDomain.CurrentDomain.AssemblyLoad += (_, e) =>
        {
            if (e.LoadedAssembly.GetName().Name == FormattingAssembly) _formattingLoaded = true;
        };
        if (AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == FormattingAssembly)) _formattingLoaded = true;
    }

    /// <summary>Registers the formatters if the process hosts .NET Interactive.</summary>
    public static void RegisterIfHosted()
    {
        if (_formattingLoaded) Register();
    }

    /// <summary>
    /// Gives the official kernel our display of <paramref name="type"/>
    /// (see <see cref="Formatter.Register(Type, Func{object, MimeBundle})"/>).
    /// </summary>
    public static void RegisterTypeIfHosted(Type type)
    {
        lock (ForeignTypes) ForeignTypes.Add(type);
        if (_formattingLoaded) RegisterType(type);
    }

    private static readonly List<Type> ForeignTypes = [];

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RegisterType(Type type) =>
        Interactive.Formatter.Register(type, (value, writer) => writer.Write(Html(Formatter.ToMimeBundle(value))), MimeBundle.TextHtml);

    /// <summary>
    /// The value formatted by what a notebook registered with .NET Interactive's <c>Formatter.Register</c> for its
    /// type (most recent registration per MIME type first), plus plain text; null when nothing was registered for
    /// it, or when the Formatting assembly is not even loaded (then no cell can have registered anything).
    /// </summary>
    public static MimeBundle? FromUserRegistration(object value) => _formattingLoaded ? FromUserRegistrationCore(value) : null;

    // The types Register() covers: their formatters call back into Formatter.ToMimeBundle, so they must not count.
    private static readonly Type[] OwnTypes =
        [typeof(IDisplayable), typeof(torch.nn.Module), typeof(torch.Tensor), typeof(IEnumerable), typeof(DataFrame)];

    private static bool IsOwn(Type type)
    {
        if (OwnTypes.Contains(type)) return true;
        lock (ForeignTypes) return ForeignTypes.Contains(type);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static MimeBundle? FromUserRegistrationCore(object value)
    {
        var type = value.GetType();
        MimeBundle? bundle = null;
        foreach (var formatter in Interactive.Formatter.RegisteredFormatters(false))
        {
            if (formatter.Type == typeof(object) || IsOwn(formatter.Type) || !formatter.Type.IsAssignableFrom(type)) continue;
            bundle ??= new MimeBundle();
            if (!bundle.ContainsKey(formatter.MimeType)) bundle.Add(formatter.MimeType, Interactive.Formatter.ToDisplayString(value, formatter));
        }
        if (bundle is not null && !bundle.ContainsKey(MimeBundle.TextPlain)) bundle.Add(MimeBundle.TextPlain, Formatter.ToPlainText(value));
        return bundle;
    }

    // Separate method: its body references the Formatting assembly, which must not load in our own engine.
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void Register()
    {
        Interactive.Formatter.Register(typeof(IDisplayable), (value, writer) => writer.Write(Html(Formatter.ToMimeBundle(value))), MimeBundle.TextHtml);
        Interactive.Formatter.Register(typeof(torch.nn.Module), (value, writer) => writer.Write(Html(Formatter.ToMimeBundle(value))), MimeBundle.TextHtml);
        Interactive.Formatter.Register(
            typeof(torch.Tensor),
            (value, writer) => writer.Write($"<pre>{HtmlText.Escape(Formatter.ToPlainText(value))}</pre>"),
            MimeBundle.TextHtml);
        // A DataFrame is our German table (headers without underscores, row cap), not .NET Interactive's own view.
        Interactive.Formatter.Register(typeof(DataFrame), (value, writer) => writer.Write(TableFormatter.ToHtml((DataFrame)value)), MimeBundle.TextHtml);
        // Sequences of records/anonymous objects become our German tables; anything else stays .NET Interactive's.
        Interactive.Formatter.Register(typeof(IEnumerable), new Interactive.FormatDelegate<object>((value, context) =>
        {
            if (TableFormatter.TryFormat(value) is not { } table) return false;
            context.Writer.Write(Html(table));
            return true;
        }), MimeBundle.TextHtml);
        Type[] foreign;
        lock (ForeignTypes) foreign = [.. ForeignTypes];
        foreach (var type in foreign) RegisterType(type);
    }

    /// <summary>
    /// The one HTML the official kernel sends for a value. A chart's HTML already holds its static SVG and only
    /// upgrades to the interactive figure where plotly.js can load, so it comes first; otherwise SVG and PNG come
    /// before HTML.
    /// </summary>
    internal static string Html(MimeBundle bundle)
    {
        if (bundle.ContainsKey(MimeBundle.Plotly) && bundle.TryGetValue(MimeBundle.TextHtml, out var chart)) return chart;
        if (bundle.TryGetValue(MimeBundle.ImageSvg, out var svg)) return svg;
        if (bundle.TryGetValue(MimeBundle.ImagePng, out var png)) return $"<img src=\"data:image/png;base64,{png}\" alt=\"\"/>";
        if (bundle.TryGetValue(MimeBundle.TextHtml, out var html)) return html;
        return bundle.TryGetValue(MimeBundle.TextPlain, out var text) ? $"<pre>{HtmlText.Escape(text)}</pre>" : "";
    }
}
