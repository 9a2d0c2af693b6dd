using System.Text.Json;
using System.Xml.Linq;
using GenAI.Plotting;
using TorchSharp;

namespace GenAI.Tests.Plotting;

/// <summary>The grid of every head of one attention layer.</summary>
public class AttentionHeadsTests
{
    // 3 heads over the 4 tokens "a b a ␣": head h puts weight 1 on key (i + h) mod 4 for query i (a permutation),
    // so every cell's value is known.
    private static float[,,] Permutations(int heads = 3, int tokens = 4)
    {
        var w = new float[heads, tokens, tokens];
        for (int h = 0; h < heads; h++)
            for (int i = 0; i < tokens; i++) w[h, i, (i + h) % tokens] = 1;
        return w;
    }

    private static readonly string[] Tokens = ["a", "b", "a", " "];

    [Test]
    public void Each_head_gets_a_panel_with_its_weights_on_one_shared_scale()
    {
        var figure = LatentPlot.AttentionHeads(Permutations(), Tokens, columns: 2).Model();
        Assert.That((figure.Rows, figure.Columns), Is.EqualTo((2, 2)));
        Assert.That(figure.Subplots.Select(s => s.Title), Is.EqualTo(new[] { "Kopf 1", "Kopf 2", "Kopf 3" }));
        var traces = figure.Traces.Cast<HeatmapTrace>().ToList();
        Assert.That(traces, Has.Count.EqualTo(3));
        for (int h = 0; h < 3; h++)
        {
            Assert.That((traces[h].ZMin, traces[h].ZMax, traces[h].ShowScale), Is.EqualTo(((double?)0, (double?)1, false)));
            for (int i = 0; i < 4; i++)
                for (int j = 0; j < 4; j++)
                    Assert.That(traces[h].Z[i, j], Is.EqualTo(j == (i + h) % 4 ? 1 : 0), $"head {h}, query {i}, key {j}");
        }
    }

    [Test]
    public void Repeated_tokens_keep_their_own_row_and_column_and_whitespace_is_visible()
    {
        var chart = LatentPlot.AttentionHeads(Permutations(), Tokens);
        var figure = chart.Model();
        var (x, y) = AxisSpec.For(figure.Subplots[0]);
        Assert.That(x.Categories, Has.Length.EqualTo(4), "the second 'a' is its own column");
        Assert.That(y.Categories, Has.Length.EqualTo(4), "and its own row");
        Assert.That(x.Categories.Select(c => c.Replace("\u200B", "", StringComparison.Ordinal)), Is.EqualTo(new[] { "a", "b", "a", "␣" }));

        var svgText = XDocument.Parse(figure.ToSvg()).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.That(svgText, Does.Contain("Kopf 3").And.Contain("␣").And.Contain("b"));
        using var json = JsonDocument.Parse(chart.Json());
        var data = json.RootElement.GetProperty("data").EnumerateArray().ToList();
        Assert.That(data, Has.Count.EqualTo(3));
        Assert.That(data[0].GetProperty("x").EnumerateArray().Select(e => e.GetString()).Distinct().Count(), Is.EqualTo(4));
    }

    [Test]
    public void A_tensor_from_ForwardWithWeights_gives_the_same_figure_as_the_array()
    {
        var cube = Permutations(heads: 4);
        var flat = new float[cube.Length];
        Buffer.BlockCopy(cube, 0, flat, 0, flat.Length * sizeof(float));
        using var tensor = torch.tensor(flat, [1, 4, 4, 4]);   // [B = 1, H, T, T]
        var fromTensor = LatentPlot.AttentionHeads(tensor, Tokens);
        var fromArray = LatentPlot.AttentionHeads(cube, Tokens);
        Assert.That(fromTensor.Json(), Is.EqualTo(fromArray.Json()));
        Assert.That((fromTensor.Model().Rows, fromTensor.Model().Columns), Is.EqualTo((2, 2)), "four heads as a 2×2 grid by default");
    }

    [Test]
    public void Four_heads_over_a_sentence_fit_the_handout_width_with_every_token_labelled()
    {
        // Chapter 06: four heads over "der König und die Königin" (25 characters).
        const string sentence = "der König und die Königin";
        int n = sentence.Length;
        var weights = new float[4, n, n];
        for (int h = 0; h < 4; h++)
            for (int i = 0; i < n; i++)
                for (int j = 0; j <= i; j++) weights[h, i, j] = 1f / (i + 1);
        var tokens = sentence.Select(c => c.ToString()).ToArray();
        var figure = LatentPlot.AttentionHeads(weights, tokens).Model();

        Assert.That((figure.Rows, figure.Columns), Is.EqualTo((2, 2)));
        Assert.That(figure.Width, Is.LessThanOrEqualTo(LatentPlot.HandoutWidth), "shown at full size in the handout, not scaled down");
        string svg = figure.ToSvg();
        Assert.That(svg, Does.Not.Contain("rotate(-45"), "single characters stand upright below their column");
        var svgText = XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        foreach (var label in AxisLabels.Distinct(tokens))
            Assert.That(svgText.Count(t => t == label), Is.EqualTo(2 * 4), $"'{label}' labels a row and a column in each of the four panels");
    }

    [Test]
    public void Wrong_token_count_or_shape_is_refused_with_the_shapes()
    {
        var e = Assert.Throws<ArgumentException>(() => LatentPlot.AttentionHeads(Permutations(), ["a", "b"]));
        Assert.That(e!.Message, Does.Contain("[3, 4, 4]"));
        using var matrix = torch.ones(4, 4);
        e = Assert.Throws<ArgumentException>(() => LatentPlot.AttentionHeads(matrix, Tokens));
        Assert.That(e!.Message, Does.Contain("[4, 4]"));
    }

    [Test]
    public void Axis_labels_are_distinct_and_visible()
    {
        var labels = AxisLabels.Distinct(["e", "\n", "e", "e", "", "\t"]);
        Assert.That(labels, Is.Unique);
        Assert.That(labels.Select(l => l.Replace("\u200B", "", StringComparison.Ordinal)), Is.EqualTo(new[] { "e", "↵", "e", "e", "∅", "⇥" }));
        Assert.That(labels[0], Is.EqualTo("e"), "the first occurrence stays as it is");
    }
}
