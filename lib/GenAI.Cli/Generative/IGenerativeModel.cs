using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Cli.Generative;

/// <summary>
/// A model <c>genai train &lt;name&gt;</c> and <c>genai sample &lt;name&gt;</c> know. Every non-abstract
/// implementation in this assembly is discovered at start-up (<see cref="GenerativeModels.All"/>), so a new
/// image model (e.g. the diffusion model of chapter 03) is one new file: train with the chapter's settings and a
/// fixed seed, save a checkpoint, sample 28 × 28 images in [0, 1].
/// </summary>
public interface IGenerativeModel
{
    /// <summary>Name on the command line, lower case (<c>gan</c>, <c>dcgan</c>, …).</summary>
    string Name { get; }

    /// <summary>One line for <c>--help</c>.</summary>
    string Description { get; }

    /// <summary>True when <c>--label K</c> chooses the class of the samples.</summary>
    bool IsConditional { get; }

    /// <summary>The chapter's settings: what <c>genai train &lt;name&gt;</c> uses without options.</summary>
    GenerativeTrainingSettings Defaults { get; }

    /// <summary>Trains with <paramref name="settings"/> and saves the checkpoint to <paramref name="path"/> (atomically, overwriting).</summary>
    void Train(string path, GenerativeTrainingSettings settings, TextWriter log, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the weights that ship inside GenAI.dll to <paramref name="path"/> and returns true, or returns false when
    /// this model ships none (then <c>genai sample</c> trains it first). Shipped weights are what
    /// <c>genai train &lt;name&gt;</c> produces with its defaults, so both paths give the same model.
    /// </summary>
    bool TryInstallShipped(string path) => false;

    /// <summary>
    /// <paramref name="count"/> images (N, 1, 28, 28) in [0, 1] from the checkpoint at <paramref name="path"/>;
    /// the same seed gives the same images. <paramref name="label"/> is set only for conditional models.
    /// </summary>
    Tensor Sample(string path, int count, long seed, int? label);
}
