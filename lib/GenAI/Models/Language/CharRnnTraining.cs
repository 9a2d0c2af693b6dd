using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// The training loop of <c>genai train lstm</c> and the tests (the chapter writes the same lines out in a cell):
/// random windows, cross-entropy, backpropagation through the window (truncated BPTT), gradient clipping, Adam.
/// </summary>
public static class CharRnnTraining
{
    /// <summary>
    /// Trains <paramref name="model"/> for <paramref name="iterations"/> steps on random windows of <paramref name="data"/>;
    /// returns the training loss (nats per character) of every step. <paramref name="report"/> is called every
    /// <paramref name="reportEvery"/> steps with (step, mean loss since the last report).
    /// </summary>
    public static float[] Train(CharRnnLanguageModel model, GenAI.Text.TextWindows data, int iterations, int batchSize, double learningRate,
        Random random, Action<int, double>? report = null, int reportEvery = 100, double clip = 1.0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        using var optimizer = optim.Adam(model.parameters(), learningRate);
        var losses = new float[iterations];
        model.train();
        double sum = 0;
        for (int step = 0; step < iterations; step++)
        {
            using var scope = NewDisposeScope();
            var (x, y) = data.RandomBatch(batchSize, random);   // [B, T] each
            var loss = model.Loss(x, y);
            optimizer.zero_grad();
            loss.backward();
            nn.utils.clip_grad_norm_(model.parameters(), clip);
            optimizer.step();
            losses[step] = loss.item<float>();
            sum += losses[step];
            if (report is not null && (step + 1) % reportEvery == 0) { report(step + 1, sum / reportEvery); sum = 0; }
        }
        model.eval();
        return losses;
    }

    /// <summary>
    /// Mean loss in nats per character on <paramref name="heldOut"/>, each character predicted from its whole past within the
    /// held-out text and up to <paramref name="contextIds"/> ids before it (e.g. the end of the training text).
    /// </summary>
    public static double HeldOutLoss(ISequenceScorer model, IReadOnlyList<int> heldOut, IReadOnlyList<int>? contextIds = null)
    {
        ArgumentNullException.ThrowIfNull(heldOut);
        var context = contextIds ?? [];
        var all = context.Concat(heldOut).ToArray();
        return model.NegativeLogLikelihood(all, context.Count) / heldOut.Count;
    }
}
