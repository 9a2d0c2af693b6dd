namespace GenAI.Plotting;

/// <summary>The one look shared by the plotly.js layout and the SVG renderer.</summary>
internal static class Style
{
    public const string FontFamily = "'Segoe UI', 'Helvetica Neue', Helvetica, Arial, 'DejaVu Sans', 'Liberation Sans', sans-serif";
    public const string Text = "#222222";
    public const string MutedText = "#555555";
    public const string AxisLine = "#444444";
    public const string Grid = "#e6e6e6";
    public const string Background = "#ffffff";
    public const double TickFont = 12;
    public const double AxisTitleFont = 13.5;
    public const double TitleFont = 18;
    public const double SubtitleFont = 13;
    public const double PanelTitleFont = 14;
    public const double LegendFont = 12.5;
}
