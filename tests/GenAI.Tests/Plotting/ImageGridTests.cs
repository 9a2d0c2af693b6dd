using System.Xml.Linq;
using GenAI.Display;
using GenAI.Plotting;
using GenAI.Tests.Core;

namespace GenAI.Tests.Plotting;

public class ImageGridTests
{
    private static float[] Square(float value) => Enumerable.Repeat(value, 16).ToArray();

    [Test]
    public void Tiles_are_upscaled_and_separated_by_white_gaps()
    {
        var grid = ImageGrid.From([Square(0), Square(0), Square(0)], rows: 2, columns: 2, scale: 2);
        var (w, h, _, pixels, _) = PngEncoderTests.Decode(grid.ToPng());
        // 2 tiles of 4·2 = 8 px plus one 2 px gap per direction.
        Assert.That((w, h), Is.EqualTo((18, 18)));
        Assert.That(pixels[0], Is.EqualTo(0), "tile pixel");
        Assert.That(pixels[8], Is.EqualTo(255), "gap pixel");
        Assert.That(pixels[17 * 18 + 17], Is.EqualTo(255), "the empty fourth cell stays white");
    }

    [Test]
    public void Captions_add_an_svg_that_embeds_the_png()
    {
        var grid = ImageGrid.From([Square(1), Square(0)], 2, 1).WithRowCaptions("Original", "Rekonstruktion").WithTitle("Größenvergleich");
        var bundle = grid.ToMimeBundle();
        Assert.That(bundle.ContainsKey(MimeBundle.ImagePng), Is.True);
        var svg = XDocument.Parse(bundle[MimeBundle.ImageSvg]);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.That(svg.Descendants(ns + "text").Select(t => t.Value), Is.EqualTo(new[] { "Größenvergleich", "Original", "Rekonstruktion" }));
        var href = svg.Descendants(ns + "image").Single().Attribute(XName.Get("href", "http://www.w3.org/1999/xlink"))!.Value;
        var png = Convert.FromBase64String(href["data:image/png;base64,".Length..]);
        Assert.That(PngEncoderTests.Decode(png).Width, Is.EqualTo(12));
    }

    [Test]
    public void Without_captions_the_bundle_is_a_plain_png()
    {
        var bundle = ImageGrid.From([Square(1)], 1, 1).ToMimeBundle();
        Assert.That(bundle.Keys, Is.EquivalentTo(new[] { MimeBundle.ImagePng, MimeBundle.TextPlain }));
    }

    [Test]
    public void Too_many_images_for_the_grid_is_a_clear_error()
    {
        var error = Assert.Throws<ArgumentException>(() => ImageGrid.From([Square(0), Square(0), Square(0)], 1, 2));
        Assert.That(error!.Message, Does.Contain("1×2"));
    }

    [Test]
    public void Non_square_images_need_an_explicit_size()
    {
        Assert.Throws<ArgumentException>(() => ImageGrid.From([new float[12]], 1, 1));
        Assert.That(ImageGrid.From([new float[12]], 1, 1, scale: 1, width: 4, height: 3).ToRaster().Width, Is.EqualTo(4));
    }

    [Test]
    public void Saving_a_png_writes_the_whole_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"genai-grid-{Guid.NewGuid():N}.png");
        try
        {
            var grid = ImageGrid.From([Square(0.5f)], 1, 1);
            grid.SavePng(path);
            Assert.That(File.ReadAllBytes(path), Is.EqualTo(grid.ToPng()));
        }
        finally { File.Delete(path); }
    }
}
