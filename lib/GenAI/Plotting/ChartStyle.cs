using Plotly.NET;
using Plotly.NET.CSharp;

namespace GenAI.Plotting;

/// <summary>
/// The few styling calls the course's charts need that Plotly.NET.CSharp 0.14 does not offer in C#: a title with
/// a subtitle, both axis titles in one call, and a legend heading. Everything else is Plotly.NET's own API
/// (<c>WithXAxisStyle</c>, <c>WithSize</c>, <c>WithTraceInfo</c> …).
/// Like those, each call changes the layout or traces of the chart passed in and returns that chart (Plotly.NET 6's
/// <c>With…</c> calls do the same, checked in <c>ChartStyleTests</c>): style a chart before you display it, and build a
/// new one for a second variant.
/// </summary>
public static class ChartStyle
{
    /// <summary>Sets the chart title and an optional smaller second line (e.g. the variance a PCA shows).</summary>
    public static GenericChart WithTitle(this GenericChart chart, string title, string? subtitle = null)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var text = new Title();
        text.SetProperty("text", title);
        if (subtitle is not null)
        {
            var second = new DynamicObj.DynamicObj();
            second.SetProperty("text", subtitle);
            text.SetProperty("subtitle", second);
        }
        return Plotly.NET.Chart.withTitle(text).Invoke(chart);
    }

    /// <summary>Sets the titles of the x and the y axis (null leaves one as it is).</summary>
    public static GenericChart WithAxisTitles(this GenericChart chart, string? x, string? y = null)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (x is not null) chart = chart.WithXAxisStyle<double, double, string>(TitleText: x);
        if (y is not null) chart = chart.WithYAxisStyle<double, double, string>(TitleText: y);
        return chart;
    }

    /// <summary>Shows the legend with a heading over its entries (e.g. "Klasse").</summary>
    public static GenericChart WithLegendTitle(this GenericChart chart, string title)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var heading = new Title();
        heading.SetProperty("text", title);
        return chart.WithLegendStyle(Title: heading).WithLayoutProperty("showlegend", true);
    }

    /// <summary>Sets one plotly.js layout attribute by name (for the rare one Plotly.NET has no C# parameter for).</summary>
    public static GenericChart WithLayoutProperty(this GenericChart chart, string name, object value)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var layout = GenericChart.getLayout(chart);
        layout.SetProperty(name, value);
        return GenericChart.setLayout(layout, chart);
    }

    /// <summary>Sets one plotly.js attribute on every trace of the chart (e.g. <c>texttemplate</c>).</summary>
    public static GenericChart WithTraceProperty(this GenericChart chart, string name, object value)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return GenericChart.mapTrace(Microsoft.FSharp.Core.FuncConvert.FromFunc<Plotly.NET.Trace, Plotly.NET.Trace>(trace =>
        {
            trace.SetProperty(name, value);
            return trace;
        }), chart);
    }
}
