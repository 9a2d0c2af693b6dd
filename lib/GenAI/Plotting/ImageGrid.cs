using System.Text;
using GenAI.Core;
using GenAI.Display;

namespace GenAI.Plotting;

/// <summary>
/// Many small images in a grid (originals above reconstructions, sample strips, interpolation strips,
/// a decoded latent manifold), upscaled nearest-neighbour so pixels stay sharp, as PNG.
/// Captions (row, column, title) are NOT drawn into the PNG: with captions, the bundle adds an SVG
/// that embeds the PNG and sets the captions as real text — crisp at every zoom, German umlauts in any
/// font, selectable, no bitmap font to maintain. The plain PNG stays in the bundle for viewers without SVG.
/// </summary>
public sealed partial class ImageGrid : IDisplayable
{
    private const int Gap = 2;
    private readonly Raster[] _tiles;
    private string[]? _rowCaptions, _columnCaptions;
    private string? _title;

    private ImageGrid(Raster[] tiles, int rows, int columns, int scale)
    {
        if (rows < 1 || columns < 1)
            throw new ArgumentOutOfRangeException(nameof(rows), $"Ein Bildraster braucht mindestens 1×1 Felder, nicht {rows}×{columns}.");
        if (scale is < 1 or > 32)
            throw new ArgumentOutOfRangeException(nameof(scale), $"Der Vergrößerungsfaktor muss zwischen 1 und 32 liegen, nicht {scale}.");
        if (tiles.Length == 0) throw new ArgumentException("Das Bildraster bekam keine Bilder.", nameof(tiles));
        if (tiles.Length > rows * columns)
            throw new ArgumentException($"{tiles.Length} Bilder passen nicht in {rows}×{columns} Felder; wähle mehr Zeilen oder Spalten.", nameof(tiles));
        if (tiles.Any(t => t.Width != tiles[0].Width || t.Height != tiles[0].Height))
            throw new ArgumentException("Alle Bilder im Raster müssen gleich groß sein.", nameof(tiles));
        _tiles = tiles;
        Rows = rows;
        Columns = columns;
        Scale = scale;
    }

    /// <summary>Rows of the grid.</summary>
    public int Rows { get; }
    /// <summary>Columns of the grid.</summary>
    public int Columns { get; }
    /// <summary>Each source pixel becomes a Scale×Scale block.</summary>
    public int Scale { get; }

    /// <summary>
    /// Grid of grayscale images, each a flat row-major float array (e.g. 784 values of a 28×28 image);
    /// width/height default to the square root of the length. <paramref name="min"/> is black, <paramref name="max"/> white
    /// (use min: -1 for images from a Tanh output).
    /// </summary>
    public static ImageGrid From(IEnumerable<float[]> images, int rows, int columns, int scale = 3,
        int? width = null, int? height = null, double min = 0, double max = 1)
    {
        ArgumentNullException.ThrowIfNull(images);
        var list = images.ToList();
        if (list.Count == 0) throw new ArgumentException("Das Bildraster bekam keine Bilder.", nameof(images));
        var (w, h) = Size(list[0].Length, width, height);
        return new ImageGrid([.. list.Select(p => Raster.FromGray(p, w, h, min, max))], rows, columns, scale);
    }

    /// <summary>Grid of grayscale images stored as rows of a matrix, shape [N, height·width].</summary>
    public static ImageGrid From(float[,] images, int rows, int columns, int scale = 3,
        int? width = null, int? height = null, double min = 0, double max = 1)
    {
        ArgumentNullException.ThrowIfNull(images);
        return From(Enumerable.Range(0, images.GetLength(0)).Select(i => Values.Row(images, i)), rows, columns, scale, width, height, min, max);
    }

    /// <summary>Grid of ready rasters (grayscale or RGB).</summary>
    public static ImageGrid From(IEnumerable<Raster> images, int rows, int columns, int scale = 3) =>
        new([.. images], rows, columns, scale);

    internal static (int Width, int Height) Size(int length, int? width, int? height)
    {
        if (width is { } w && height is { } h) return (w, h);
        if (width is { } w2) return (w2, length / Math.Max(1, w2));
        if (height is { } h2) return (length / Math.Max(1, h2), h2);
        int side = (int)Math.Round(Math.Sqrt(length));
        if (side * side != length)
            throw new ArgumentException($"Ein Bild mit {length} Werten ist nicht quadratisch: gib width und height an.", nameof(length));
        return (side, side);
    }

    /// <summary>Captions left of each row (e.g. "Original", "Rekonstruktion").</summary>
    public ImageGrid WithRowCaptions(params string[] captions)
    {
        if (captions.Length != Rows) throw new ArgumentException($"{captions.Length} Zeilenbeschriftungen für {Rows} Zeilen.", nameof(captions));
        _rowCaptions = captions;
        return this;
    }

    /// <summary>Captions above each column (e.g. class names, interpolation weights).</summary>
    public ImageGrid WithColumnCaptions(params string[] captions)
    {
        if (captions.Length != Columns) throw new ArgumentException($"{captions.Length} Spaltenbeschriftungen für {Columns} Spalten.", nameof(captions));
        _columnCaptions = captions;
        return this;
    }

    /// <summary>A title above the grid.</summary>
    public ImageGrid WithTitle(string title)
    {
        _title = title;
        return this;
    }

    private bool HasCaptions => _rowCaptions is not null || _columnCaptions is not null || _title is not null;

    /// <summary>The grid's pixels: tiles upscaled by <see cref="Scale"/>, separated by 2-pixel white gaps.</summary>
    public Raster ToRaster()
    {
        int tw = _tiles[0].Width * Scale, th = _tiles[0].Height * Scale;
        int channels = _tiles.Any(t => t.Channels == 3) ? 3 : 1;
        var grid = new Raster(Columns * tw + (Columns - 1) * Gap, Rows * th + (Rows - 1) * Gap, channels, fill: 255);
        for (int i = 0; i < _tiles.Length; i++)
            grid.Blit(_tiles[i].Upscale(Scale), (i % Columns) * (tw + Gap), (i / Columns) * (th + Gap));
        return grid;
    }

    /// <summary>The grid as PNG bytes (no captions).</summary>
    public byte[] ToPng() => ToRaster().ToPng();

    /// <summary>Writes the PNG to a file atomically.</summary>
    public void SavePng(string path) => AtomicFile.WriteAllBytes(path, ToPng());

    /// <summary>Writes the captioned SVG to a file atomically.</summary>
    public void SaveSvg(string path) => AtomicFile.WriteAllText(path, ToSvg());

    /// <summary>An SVG with the PNG embedded and captions as text around it.</summary>
    public string ToSvg()
    {
        var raster = ToRaster();
        const double font = 13;
        // Row captions start at the left edge, so a font wider than the estimate (DejaVu Sans, Linux's fallback, runs
        // ≈ 20 % wider than Arial) eats into the gap before the images instead of being cut off at x = 0.
        double left = _rowCaptions is null ? 0 : _rowCaptions.Max(c => MeasureText(c, font)) * 1.25 + 12;
        double top = (_title is null ? 0 : 30) + (_columnCaptions is null ? 0 : 20);
        double width = left + raster.Width + 2, height = top + raster.Height + 2;
        width = Math.Max(width, _title is null ? 0 : MeasureText(_title, 16) + 12);
        var n = (Func<double, string>)(v => v.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture));
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" ")
            .Append($"width=\"{n(width)}\" height=\"{n(height)}\" viewBox=\"0 0 {n(width)} {n(height)}\" ")
            .Append($"font-family=\"{Style.FontFamily}\" role=\"img\">\n");
        svg.Append($"<title>{Escape(_title ?? ToString())}</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        if (_title is not null)
            svg.Append($"<text x=\"{n(width / 2)}\" y=\"20\" font-size=\"16\" font-weight=\"600\" text-anchor=\"middle\" fill=\"{Style.Text}\">")
                .Append($"{Escape(_title)}</text>\n");
        int tw = _tiles[0].Width * Scale, th = _tiles[0].Height * Scale;
        if (_columnCaptions is not null)
        {
            // Narrow tiles: shrink the captions (down to 9 px), then shorten them with "…", so neighbours never overlap.
            double widest = _columnCaptions.Max(c => MeasureText(c, font));
            double columnFont = Math.Clamp(font * (tw - 4) / Math.Max(1, widest), 9, font);
            for (int c = 0; c < Columns; c++)
                svg.Append($"<text x=\"{n(left + c * (tw + Gap) + tw / 2.0)}\" y=\"{n(top - 6)}\" font-size=\"{n(columnFont)}\" ")
                    .Append($"text-anchor=\"middle\" fill=\"{Style.Text}\">{Escape(TextMetrics.Fit(_columnCaptions[c], columnFont, tw + Gap - 2))}</text>\n");
        }
        if (_rowCaptions is not null)
            for (int r = 0; r < Rows; r++)
                svg.Append($"<text x=\"4\" y=\"{n(top + r * (th + Gap) + th / 2.0 + 4.5)}\" font-size=\"{n(font)}\" fill=\"{Style.Text}\">")
                    .Append($"{Escape(_rowCaptions[r])}</text>\n");
        svg.Append($"<image x=\"{n(left)}\" y=\"{n(top)}\" width=\"{raster.Width}\" height=\"{raster.Height}\" ")
            .Append("image-rendering=\"pixelated\" style=\"image-rendering:pixelated\" ")
            .Append($"xlink:href=\"data:image/png;base64,{Convert.ToBase64String(raster.ToPng())}\"/>\n");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Escape(string text) => HtmlText.Escape(text);

    private static double MeasureText(string text, double size) => TextMetrics.Width(text, size);

    /// <inheritdoc/>
    public MimeBundle ToMimeBundle()
    {
        var png = ToPng();
        var bundle = new MimeBundle();
        if (HasCaptions) bundle.Add(MimeBundle.ImageSvg, ToSvg());
        bundle.Add(MimeBundle.ImagePng, png);
        bundle.Add(MimeBundle.TextPlain, ToString());
        return bundle;
    }

    /// <summary>E.g. <c>Bildraster 2×8 (16 Bilder à 28×28, 3-fach vergrößert)</c>.</summary>
    public override string ToString() =>
        $"Bildraster {Rows}×{Columns} ({_tiles.Length} Bilder à {_tiles[0].Width}×{_tiles[0].Height}, {Scale}-fach vergrößert)";
}
