using GenAI.Core;

namespace GenAI.Models;

/// <summary>
/// How to choose the next token from a model's logits. <see cref="Temperature"/> 0 means greedy (always the most
/// probable token); otherwise the logits are divided by the temperature, then <see cref="TopK"/> (0 = off) keeps the
/// k most probable tokens, then <see cref="TopP"/> (1 = off) keeps the smallest set of most probable tokens whose
/// probabilities sum to at least p (nucleus sampling, Holtzman et al. 2020), and one token is drawn from what is left.
/// </summary>
public sealed record SamplingOptions(double Temperature = 1.0, int TopK = 0, double TopP = 1.0)
{
    /// <summary>Always the most probable token.</summary>
    public static SamplingOptions Greedy { get; } = new(0.0);

    /// <summary>Plain sampling from the model's distribution.</summary>
    public static SamplingOptions Plain { get; } = new();

    /// <summary>Throws with a German message when a setting is out of range.</summary>
    public void Validate()
    {
        if (Temperature < 0 || double.IsNaN(Temperature))
            throw new ArgumentOutOfRangeException(nameof(Temperature), Temperature, "Die Temperatur darf nicht negativ sein (0 = gierig).");
        if (TopK < 0) throw new ArgumentOutOfRangeException(nameof(TopK), TopK, "top-k darf nicht negativ sein (0 = aus).");
        if (!(TopP > 0 && TopP <= 1)) throw new ArgumentOutOfRangeException(nameof(TopP), TopP, "top-p muss in (0, 1] liegen (1 = aus).");
    }

    /// <summary>German label for tables and headings, e.g. <c>"gierig"</c> or <c>"T = 0,6; top-p = 0,8"</c> (decimal comma whatever the culture).</summary>
    public override string ToString() =>
        Temperature == 0 ? "gierig"
            : "T = " + GenAI.Core.GermanNumber.FormatShort(Temperature) + (TopK > 0 ? $"; top-k = {TopK}" : "")
              + (TopP < 1 ? "; top-p = " + GenAI.Core.GermanNumber.FormatShort(TopP) : "");
}
