using GenAI.Text;
using Microsoft.ML.Tokenizers;

namespace GenAI.Tests.Text;

/// <summary>
/// Microsoft.ML.Tokenizers (the .NET team's tiktoken port, MIT) as a second, in-process oracle: our byte-pair
/// encoder must give its ids on text in many scripts. It runs offline because both read the rank files from
/// the same NuGet data packages.
/// </summary>
public class MlTokenizersOracleTests
{
    private static readonly string[] Texts =
    [
        "Es war einmal ein König, der hatte drei Töchter. Grüße aus Köln – Straße, Übermut, ÄÖÜ äöü ß ẞ.",
        "It was the best of times, it was the worst of times; don't won't they're I'm.",
        "東京は日本の首都です。北京是中国的首都。서울은 한국의 수도입니다.",
        "مرحبا بالعالم. Привет, мир! Γειά σου κόσμε. שלום עולם. नमस्ते दुनिया।",
        "Emoji: 🤖🧠👩‍💻🏳️‍🌈 and numbers 1234567890 3.14159 1,000,000 0x1F600",
        "def f(x):\n    return x**2  # comment\n\n\tvar y = new List<int> { 1, 2 };\r\n   \n  trailing   ",
        "Ṫhë qüïçk ƀŗőŵñ ƒøx — “quotes” ‘single’ … ellipsis",
    ];

    [TestCase("r50k_base")]
    [TestCase("cl100k_base")]
    [TestCase("o200k_base")]
    public void Ids_equal_microsoft_ml_tokenizers_on_multilingual_text(string encoding)
    {
        var ours = TiktokenEncoding.Get(encoding);
        var reference = TiktokenTokenizer.CreateForEncoding(encoding);
        foreach (var text in Texts)
            Assert.That(ours.Encode(text), Is.EqualTo(reference.EncodeToIds(text).ToArray()), $"{encoding}: {text}");
    }
}
