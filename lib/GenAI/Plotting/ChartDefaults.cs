using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using GenAI.Display;
using Plotly.NET;

namespace GenAI.Plotting;

/// <summary>
/// The course look for every Plotly.NET chart, set once when the library loads: German number format
/// (decimal comma, thousands point: plotly's <c>separators ",."</c>), the palette our SVG renderer uses, a white
/// background with light grid lines, 640×440 pixels. A small template instead of Plotly.NET's default one keeps
/// each saved figure a few hundred bytes lighter. Charts also get their display here (<see cref="ChartOutput"/>).
/// </summary>
public static class ChartDefaults
{
    /// <summary>Default width of a chart in pixels.</summary>
    public const int Width = 640;

    /// <summary>Default height of a chart in pixels.</summary>
    public const int Height = 440;

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "Charts must look and display alike without user code; this sets Plotly.NET's defaults and touches no I/O.")]
    internal static void Apply()
    {
        // Before any Plotly.NET type loads: let a host with an older FSharp.Core (the official kernel) serve it.
        FSharpCoreBinding.Install();
        ApplyDefaults();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ApplyDefaults()
    {
        Defaults.DefaultTemplate = Template();
        Defaults.DefaultWidth = Width;
        Defaults.DefaultHeight = Height;
        Formatter.Register(typeof(GenericChart), value => ((GenericChart)value).ToMimeBundle());
    }

    /// <summary>The course template: German separators, our palette, white background, light grid.</summary>
    public static Template Template()
    {
        var layout = new Layout();
        layout.SetProperty("separators", ",.");
        layout.SetProperty("colorway", Palette.Colors.ToArray());
        layout.SetProperty("font", Object(("family", "DejaVu Sans, Verdana, Arial, sans-serif"), ("size", 12), ("color", "#222222")));
        layout.SetProperty("paper_bgcolor", "#ffffff");
        layout.SetProperty("plot_bgcolor", "#ffffff");
        layout.SetProperty("hovermode", "closest");
        foreach (var axis in new[] { "xaxis", "yaxis" })
            layout.SetProperty(axis, Object(
                ("gridcolor", "#e6e6e6"), ("linecolor", "#444444"), ("showline", true), ("zerolinecolor", "#c8c8c8"),
                ("ticks", "outside"), ("automargin", true)));
        return Plotly.NET.Template.init<Plotly.NET.Trace>(layout, null);
    }

    private static DynamicObj.DynamicObj Object(params (string Name, object Value)[] properties)
    {
        var result = new DynamicObj.DynamicObj();
        foreach (var (name, value) in properties) result.SetProperty(name, value);
        return result;
    }
}
