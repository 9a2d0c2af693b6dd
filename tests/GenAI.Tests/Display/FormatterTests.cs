using GenAI.Display;

namespace GenAI.Tests.Display;

public class FormatterTests
{
    private sealed class Shape : IDisplayable
    {
        public MimeBundle ToMimeBundle() => new MimeBundle().Add(MimeBundle.ImageSvg, "<svg/>").Add(MimeBundle.TextPlain, "shape");
    }

    [Test]
    public void A_displayable_object_renders_its_own_bundle()
    {
        var bundle = Formatter.ToMimeBundle(new Shape());
        Assert.That(bundle[MimeBundle.ImageSvg], Is.EqualTo("<svg/>"));
    }

    [Test]
    public void Numbers_format_culture_invariant()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try { Assert.That(Formatter.ToMimeBundle(1.5)[MimeBundle.TextPlain], Is.EqualTo("1.5")); }
        finally { Thread.CurrentThread.CurrentCulture = previous; }
    }
}
