using GenAI.Display;

namespace GenAI.Tests.Display;

public class MimeBundleTests
{
    [Test]
    public void Binary_data_is_stored_base64_encoded_as_nbformat_requires()
    {
        var bundle = new MimeBundle().Add(MimeBundle.ImagePng, new byte[] { 0x89, 0x50, 0x4E, 0x47 });
        Assert.That(bundle[MimeBundle.ImagePng], Is.EqualTo("iVBORw=="));
    }

    [Test]
    public void Adding_the_same_mime_type_twice_keeps_the_last_value()
    {
        var bundle = MimeBundle.PlainText("a").Add(MimeBundle.TextPlain, "b");
        Assert.That(bundle.Count, Is.EqualTo(1));
        Assert.That(bundle[MimeBundle.TextPlain], Is.EqualTo("b"));
    }
}
