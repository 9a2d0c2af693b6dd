using GenAI.Display;
using GenAI.Numerics;
using Plotly.NET;
using TorchSharp;

namespace GenAI.Plotting;

public static partial class LatentPlot
{
    /// <summary>Scatter of latent codes, tensor [N, D], coloured by class; labels as a 1-D tensor of class indices.</summary>
    public static GenericChart Scatter(torch.Tensor codes, torch.Tensor labels, IReadOnlyList<string> classNames, string title = "Latenter Raum") =>
        Scatter(
            TensorData.Matrix(codes, nameof(codes)),
            labels.detach().cpu().to_type(torch.ScalarType.Int64).contiguous().data<long>().ToArray(),
            classNames,
            title);

    /// <summary>Scatter of latent codes, tensor [N, D], coloured by class.</summary>
    public static GenericChart Scatter(torch.Tensor codes, IEnumerable<long> labels, IReadOnlyList<string> classNames, string title = "Latenter Raum") =>
        Scatter(TensorData.Matrix(codes, nameof(codes)), labels, classNames, title);

    // Arrays convert implicitly to Tensor too, so without exact array overloads a long[] or int[] label
    // array is ambiguous between the Tensor and the IEnumerable overloads (CS0121).
    /// <summary>Scatter of latent codes, tensor [N, D], coloured by class.</summary>
    public static GenericChart Scatter(torch.Tensor codes, long[] labels, IReadOnlyList<string> classNames, string title = "Latenter Raum") =>
        Scatter(TensorData.Matrix(codes, nameof(codes)), labels, classNames, title);

    /// <summary>Scatter of latent codes, tensor [N, D], coloured by class.</summary>
    public static GenericChart Scatter(torch.Tensor codes, int[] labels, IReadOnlyList<string> classNames, string title = "Latenter Raum") =>
        Scatter(TensorData.Matrix(codes, nameof(codes)), labels, classNames, title);

    /// <summary>
    /// Decoded grid with a tensor decoder, e.g. <c>LatentPlot.DecodedGrid(z =&gt; model.decode(z))</c>: it gets
    /// codes [steps², latentDimensions] and returns images [steps², H·W] (or [steps², 1, H, W]).
    /// Runs under <c>torch.no_grad()</c>.
    /// </summary>
    public static ImageGrid DecodedGrid(Func<torch.Tensor, torch.Tensor> decoder, int steps = 10, double min = -3, double max = 3,
        int latentDimensions = 2, int? width = null, int? height = null, int scale = 2, double pixelMin = 0, double pixelMax = 1)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        return DecodedGrid(codes => Decode(decoder, codes), steps, min, max, latentDimensions, width, height, scale, pixelMin, pixelMax);
    }

    /// <summary>Interpolation strip with a tensor decoder and a path tensor [steps, D].</summary>
    public static ImageGrid InterpolationStrip(Func<torch.Tensor, torch.Tensor> decoder, torch.Tensor path, int? width = null, int? height = null,
        int scale = 2, double pixelMin = 0, double pixelMax = 1, string title = "Interpolation")
    {
        ArgumentNullException.ThrowIfNull(decoder);
        return InterpolationStrip(codes => Decode(decoder, codes), TensorData.Matrix(path, nameof(path)), width, height, scale, pixelMin, pixelMax, title);
    }

    /// <summary>Cosine-similarity heatmap of the rows of a tensor [N, D].</summary>
    public static GenericChart CosineSimilarity(torch.Tensor vectors, IEnumerable<string> labels, bool annotate = true) =>
        CosineSimilarity(TensorData.Matrix(vectors, nameof(vectors)), labels, annotate);

    /// <summary>Attention heatmap from a weights tensor [queries, keys].</summary>
    public static GenericChart Attention(torch.Tensor weights, IEnumerable<string> queryTokens, IEnumerable<string>? keyTokens = null, bool annotate = true) =>
        Attention(TensorData.Matrix(weights, nameof(weights)), queryTokens, keyTokens, annotate);

    /// <summary>
    /// Every head of one layer from a weights tensor [heads, queries, keys] or [1, heads, queries, keys]
    /// (what <c>MultiHeadSelfAttention.ForwardWithWeights</c> returns for one sequence).
    /// </summary>
    public static GenericChart AttentionHeads(torch.Tensor weights, IEnumerable<string> tokens, int? columns = null,
        string title = "Attention-Gewichte je Kopf", IEnumerable<string>? headNames = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var s = weights.shape;
        if (s.Length == 4 && s[0] == 1) s = s[1..];
        if (s.Length != 3)
            throw new ArgumentException(
                "Erwartet sind Gewichte der Form [Köpfe, Anfragen, Schlüssel] oder [1, Köpfe, Anfragen, Schlüssel], "
                + $"nicht [{string.Join(", ", weights.shape)}].", nameof(weights));
        var flat = TensorData.Floats(weights);
        var cube = new float[s[0], s[1], s[2]];
        Buffer.BlockCopy(flat, 0, cube, 0, flat.Length * sizeof(float));
        return AttentionHeads(cube, tokens, columns, title, headNames);
    }

    private static float[,] Decode(Func<torch.Tensor, torch.Tensor> decoder, float[,] codes)
    {
        using var _ = torch.no_grad();
        var images = decoder(TensorData.FromMatrix(codes));
        var s = images.shape;
        return TensorData.Matrix(images.reshape(s[0], s.Skip(1).Aggregate(1L, (a, b) => a * b)), "decoder");
    }
}
