using static TorchSharp.torch;

namespace GenAI.Cli.Generative;

/// <summary>
/// A generative model that samples in a chosen number of steps and with classifier-free guidance (the diffusion
/// model of chapter 03): <c>genai sample</c> adds <c>--steps K</c> and <c>--guidance W</c>, and <c>--label</c> is
/// optional (without it the model samples unconditionally, with the null label).
/// </summary>
public interface IGuidedGenerativeModel : IGenerativeModel
{
    /// <summary>Sampling steps when <c>--steps</c> is not given.</summary>
    int DefaultSteps { get; }

    /// <summary>Guidance weight w when <c>--guidance</c> is not given.</summary>
    double DefaultGuidance { get; }

    /// <summary>Like <see cref="IGenerativeModel.Sample"/>, in <paramref name="steps"/> steps with guidance weight <paramref name="guidance"/>.</summary>
    Tensor Sample(string path, int count, long seed, int? label, int steps, double guidance);
}
