using System.Buffers.Binary;
using System.Text.RegularExpressions;
using GenAI.Plotting;

namespace GenAI.Tests.Plotting;

public class HeatmapRasterTests
{
    private static double[,] Ramp(int rows, int columns)
    {
        var z = new double[rows, columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++) z[i, j] = i * columns + j;
        return z;
    }

    private static Plotly.NET.GenericChart Heatmap(double[,] z) => ChartParts.Heatmap(z);

    [Test]
    public void A_large_unannotated_heatmap_is_one_embedded_png_with_a_pixel_per_cell()
    {
        var svg = Heatmap(Ramp(40, 30)).ToSvg();
        var images = Regex.Matches(svg, "data:image/png;base64,([A-Za-z0-9+/=]+)");
        Assert.That(images, Has.Count.EqualTo(1));
        var png = Convert.FromBase64String(images[0].Groups[1].Value);
        // PNG signature (8 bytes), IHDR length and type (8), then width and height, big-endian (PNG spec §11.2.2).
        Assert.That(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), Is.EqualTo(30), "one pixel per column");
        Assert.That(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)), Is.EqualTo(40), "one pixel per row");
        Assert.That(Regex.Matches(svg, "<rect ").Count, Is.LessThan(20), "no rect per cell (only background, legend, colour bar)");
        Assert.That(svg.Length, Is.LessThan(30_000), "1.200 rects alone would take about 70 KB");
    }

    [Test]
    public void A_small_heatmap_keeps_a_rect_per_cell()
    {
        var svg = Heatmap(Ramp(4, 5)).ToSvg();
        Assert.That(svg, Does.Not.Contain("data:image/png"));
        Assert.That(Regex.Matches(svg, "<rect ").Count, Is.GreaterThanOrEqualTo(20));
    }
}
