using GenAI.Core;
using GenAI.Display;

namespace GenAI.Plotting;

/// <summary>A picture (grayscale or RGB) shown pixel for pixel, axes hidden; plotly.js gets it as an embedded PNG.</summary>
public sealed class ImageTrace(Raster image) : Trace
{
    /// <summary>The pixels.</summary>
    public Raster Image { get; } = image ?? throw new ArgumentNullException(nameof(image));

    /// <inheritdoc/>
    public override string PlotlyType => "image";
    internal override bool UsesPaletteColor => false;

    internal string DataUri => "data:image/png;base64," + Convert.ToBase64String(Image.ToPng());
}
