using System.Globalization;
using System.Text;
using GenAI.Core;
using GenAI.Display;

namespace GenAI.Data;

/// <summary>
/// A set of grey-scale images with class labels, as the chapters use them: pixels in [0, 1],
/// one <c>long</c> label per image, German class names.
/// </summary>
/// <remarks>
/// Layout: <see cref="Pixels"/> holds image after image, each row by row, i.e. shape [N, H, W]
/// flattened (row-major), the same order as an MNIST IDX file and as a tensor [N, 1, H, W].
/// </remarks>
public sealed partial class ImageDataset : IDisplayable
{
    /// <summary>Creates a dataset; checks that pixels, labels and sizes agree.</summary>
    public ImageDataset(string name, float[] pixels, long[] labels, int height, int width, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classNames);
        if (height <= 0 || width <= 0) throw new ArgumentException($"Bildgröße {height}×{width} ist ungültig.");
        if ((long)labels.Length * height * width != pixels.Length)
            throw new ArgumentException($"{labels.Length} Labels und {pixels.Length} Pixel passen nicht zu Bildern der Größe {height}×{width}.");
        foreach (var label in labels)
            if (label < 0 || label >= classNames.Count)
                throw new ArgumentException($"Label {label} liegt außerhalb der {classNames.Count} Klassen.");
        Name = name;
        Pixels = pixels;
        Labels = labels;
        Height = height;
        Width = width;
        ClassNames = classNames;
    }

    /// <summary>Name shown in displays, e.g. "Fashion-MNIST (Training)".</summary>
    public string Name { get; }

    /// <summary>All pixels, shape [N, H, W] flattened row-major, values in [0, 1].</summary>
    public float[] Pixels { get; }

    /// <summary>Class index per image, shape [N].</summary>
    public long[] Labels { get; }

    /// <summary>Image height in pixels.</summary>
    public int Height { get; }

    /// <summary>Image width in pixels.</summary>
    public int Width { get; }

    /// <summary>Class names in label order (German).</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Number of images N.</summary>
    public int Count => Labels.Length;

    /// <summary>Pixels per image, H·W (784 for 28×28).</summary>
    public int PixelsPerImage => Height * Width;

    /// <summary>The pixels of image <paramref name="index"/>, shape [H, W] flattened.</summary>
    public ReadOnlySpan<float> Image(int index) => Pixels.AsSpan(checked(index * PixelsPerImage), PixelsPerImage);

    /// <summary>The class name of image <paramref name="index"/>.</summary>
    public string ClassName(int index) => ClassNames[(int)Labels[index]];

    /// <summary>The first <paramref name="count"/> images (all when there are fewer): train on a few thousand for speed.</summary>
    public ImageDataset Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        count = Math.Min(count, Count);
        return count == Count ? this : Subset(Enumerable.Range(0, count).ToArray());
    }

    /// <summary>The images at <paramref name="indices"/>, in that order.</summary>
    public ImageDataset Subset(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        int n = PixelsPerImage;
        var pixels = new float[(long)indices.Count * n];
        var labels = new long[indices.Count];
        for (int i = 0; i < indices.Count; i++)
        {
            int source = indices[i];
            if ((uint)source >= (uint)Count)
                throw new ArgumentOutOfRangeException(nameof(indices), $"Index {source} liegt außerhalb von 0…{Count - 1}.");
            Image(source).CopyTo(pixels.AsSpan(i * n, n));
            labels[i] = Labels[source];
        }
        return new ImageDataset(Name, pixels, labels, Height, Width, ClassNames);
    }

    /// <summary>
    /// A random selection of <paramref name="count"/> images (all, shuffled, when <paramref name="count"/> ≥ N),
    /// reproducible through <paramref name="seed"/>.
    /// </summary>
    public ImageDataset Sample(int count, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var order = Enumerable.Range(0, Count).ToArray();
        new Random(seed).Shuffle(order);
        return Subset(order[..Math.Min(count, Count)]);
    }

    /// <summary>Only the images of the given classes (e.g. only "Sneaker" and "Stiefelette").</summary>
    public ImageDataset Where(params long[] classes)
    {
        var wanted = classes.ToHashSet();
        return Subset(Enumerable.Range(0, Count).Where(i => wanted.Contains(Labels[i])).ToArray());
    }

    /// <summary>Every image resampled to <paramref name="height"/>×<paramref name="width"/> with <see cref="Resampling.Bilinear"/>.</summary>
    public ImageDataset Resize(int height, int width)
    {
        if (height == Height && width == Width) return this;
        int n = PixelsPerImage, m = height * width;
        var pixels = new float[(long)Count * m];
        for (int i = 0; i < Count; i++)
            Resampling.Bilinear(Image(i), Height, Width, pixels.AsSpan(i * m, m), height, width);
        return new ImageDataset(Name, pixels, Labels, height, width, ClassNames);
    }

    /// <summary>How many images each class has, in label order.</summary>
    public int[] CountPerClass()
    {
        var counts = new int[ClassNames.Count];
        foreach (var label in Labels) counts[label]++;
        return counts;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(
            CultureInfo.GetCultureInfo("de-DE"),
            $"{Name}: {Count:N0} Bilder {Height}×{Width}, {ClassNames.Count} Klassen ({string.Join(", ", ClassNames)})");

    /// <summary>A summary and the first images as a small inline-SVG gallery with their class names.</summary>
    public MimeBundle ToMimeBundle()
    {
        var html = new StringBuilder();
        html.Append("<div><p>").Append(GenAI.Core.HtmlText.Escape(ToString())).Append("</p><div style=\"display:flex;flex-wrap:wrap;gap:6px\">");
        for (int i = 0; i < Math.Min(10, Count); i++)
        {
            html.Append("<figure style=\"margin:0;text-align:center;font-size:11px\">")
                .Append("<img width=\"56\" height=\"56\" style=\"image-rendering:pixelated;border:1px solid #ccc\" alt=\"\" src=\"data:image/png;base64,")
                .Append(Convert.ToBase64String(Raster.FromGray(Image(i), Width, Height).ToPng())).Append("\"/>")
                .Append("<figcaption>").Append(GenAI.Core.HtmlText.Escape(ClassName(i))).Append("</figcaption></figure>");
        }
        html.Append("</div></div>");
        return new MimeBundle().Add(MimeBundle.TextPlain, ToString()).Add(MimeBundle.TextHtml, html.ToString());
    }
}
