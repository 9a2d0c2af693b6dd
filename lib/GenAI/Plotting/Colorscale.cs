using System.Globalization;

namespace GenAI.Plotting;

/// <summary>
/// A continuous colour scale: stops at positions 0…1 with colours, interpolated linearly in sRGB.
/// Serialised to plotly.js as an explicit <c>[[pos, "#rrggbb"], …]</c> array, so the interactive and
/// the static figure use the very same colours.
/// </summary>
public sealed class Colorscale
{
    /// <summary>The stops, ordered by position from 0 to 1.</summary>
    public IReadOnlyList<(double Position, string Color)> Stops { get; }

    /// <summary>Creates a scale from stops; positions must start at 0, end at 1 and increase.</summary>
    public Colorscale(params (double Position, string Color)[] stops)
    {
        if (stops.Length < 2 || stops[0].Position != 0 || stops[^1].Position != 1)
            throw new ArgumentException("Eine Farbskala braucht mindestens zwei Stützstellen von 0 bis 1.", nameof(stops));
        for (int i = 1; i < stops.Length; i++)
            if (stops[i].Position < stops[i - 1].Position)
                throw new ArgumentException("Die Stützstellen einer Farbskala müssen aufsteigend sortiert sein.", nameof(stops));
        foreach (var stop in stops) Rgb.Parse(stop.Color);
        Stops = stops;
    }

    private static Colorscale Even(params string[] colors) =>
        new([.. colors.Select((c, i) => ((double)i / (colors.Length - 1), c))]);

    /// <summary>Viridis (van der Walt &amp; Smith, matplotlib 2015): perceptually uniform, colour-blind safe. The default.</summary>
    public static Colorscale Viridis { get; } = Even(
        "#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89", "#35b779", "#6ece58", "#b5de2b", "#fde725");

    /// <summary>Sequential blues (ColorBrewer "Blues"), light for small values, dark for large ones.</summary>
    public static Colorscale Blues { get; } = Even("#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b");

    /// <summary>Diverging blue–white–red (ColorBrewer "RdBu" reversed): for values around 0 such as cosine similarity.</summary>
    public static Colorscale BlueRed { get; } = Even(
        "#053061", "#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#f7f7f7", "#fddbc7", "#f4a582", "#d6604d", "#b2182b", "#67001f");

    /// <summary>Black to white, for grayscale images and pixel intensities.</summary>
    public static Colorscale Greys { get; } = Even("#000000", "#ffffff");

    /// <summary>This scale for Plotly.NET: the same stops, so plotly.js and the static SVG use the very same colours.</summary>
    public Plotly.NET.StyleParam.Colorscale ToPlotly() =>
        Plotly.NET.StyleParam.Colorscale.NewCustom(Stops.Select(s => Tuple.Create(s.Position, Plotly.NET.Color.fromString(s.Color))));

    /// <summary>Colour at <paramref name="t"/> in [0, 1] (clipped) as <c>#rrggbb</c>.</summary>
    public string ColorAt(double t)
    {
        if (double.IsNaN(t)) return "#cccccc";
        t = Math.Clamp(t, 0, 1);
        int i = 1;
        while (i < Stops.Count - 1 && Stops[i].Position < t) i++;
        var (p0, c0) = Stops[i - 1];
        var (p1, c1) = Stops[i];
        double f = p1 > p0 ? (t - p0) / (p1 - p0) : 0;
        return Rgb.Lerp(Rgb.Parse(c0), Rgb.Parse(c1), f).ToHex();
    }
}

/// <summary>An sRGB colour with 8-bit channels.</summary>
internal readonly record struct Rgb(byte R, byte G, byte B)
{
    public static Rgb Parse(string hex)
    {
        if (hex.Length != 7 || hex[0] != '#' || !int.TryParse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int v))
            throw new ArgumentException($"Farben werden als \"#rrggbb\" angegeben, nicht \"{hex}\".", nameof(hex));
        return new Rgb((byte)(v >> 16), (byte)(v >> 8), (byte)v);
    }

    public static Rgb Lerp(Rgb a, Rgb b, double f) => new(
        (byte)Math.Round(a.R + (b.R - a.R) * f), (byte)Math.Round(a.G + (b.G - a.G) * f), (byte)Math.Round(a.B + (b.B - a.B) * f));

    public string ToHex() => $"#{R:x2}{G:x2}{B:x2}";

    /// <summary>Relative luminance (WCAG 2.x) used to pick black or white text on a coloured cell.</summary>
    public double Luminance()
    {
        static double Lin(byte c) { double s = c / 255.0; return s <= 0.03928 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4); }
        return 0.2126 * Lin(R) + 0.7152 * Lin(G) + 0.0722 * Lin(B);
    }

    /// <summary>Black or white, whichever contrasts more with this colour.</summary>
    public string ContrastText() => Luminance() > 0.4 ? "#1a1a1a" : "#ffffff";
}
