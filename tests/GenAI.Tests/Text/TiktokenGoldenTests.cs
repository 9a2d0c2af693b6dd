using System.Text.RegularExpressions;
using GenAI.Text;

namespace GenAI.Tests.Text;

/// <summary>Exact ids against the 313 encode vectors that ship with gpt-tokenizer (TestPlans.txt, produced with tiktoken).</summary>
public class TiktokenGoldenTests
{
    public sealed record Vector(string Encoding, string Sample, int[] Expected)
    {
        public override string ToString() => $"{Encoding}: {(Sample.Length > 40 ? Sample[..40] + "…" : Sample)}";
    }

    private static List<Vector> ReadVectors()
    {
        var path = TestData.Require("TestPlans.txt");
        var vectors = new List<Vector>();
        string? encoding = null, sample = null;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("EncodingName: ", StringComparison.Ordinal)) encoding = line["EncodingName: ".Length..];
            else if (line.StartsWith("Sample: ", StringComparison.Ordinal)) sample = line["Sample: ".Length..];
            else if (line.StartsWith("Encoded: ", StringComparison.Ordinal))
            {
                var ids = Regex.Matches(line, @"\d+").Select(m => int.Parse(m.Value)).ToArray();
                vectors.Add(new Vector(encoding!, sample!, ids));
            }
        }
        return vectors;
    }

    [Test]
    public void All_TestPlans_vectors_encode_to_tiktoken_ids()
    {
        var vectors = ReadVectors();
        Assert.That(vectors, Has.Count.EqualTo(313));
        var failures = new List<string>();
        foreach (var v in vectors)
        {
            var enc = TiktokenEncoding.Get(v.Encoding);
            var actual = enc.Encode(v.Sample, SpecialTokens.All);
            if (!actual.SequenceEqual(v.Expected))
                failures.Add($"{v}: expected [{string.Join(", ", v.Expected)}] got [{string.Join(", ", actual)}]");
            else if (enc.Decode(actual) != v.Sample && !v.Sample.Contains('\uFFFD'))
                failures.Add($"{v}: decode does not round-trip");
        }
        Assert.That(failures, Is.Empty);
    }
}
