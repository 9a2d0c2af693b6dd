using GenAI.Core;
using GenAI.Plotting;

namespace GenAI.Models.Quality;

/// <summary>
/// Quality of a batch of generated images, measured with <see cref="QualityScorer"/>'s classifier.
/// <see cref="InceptionScore"/> = exp(mean KL(p(y|x) ‖ p(y))) (Salimans et al. 2016): between 1 (every image
/// looks the same or no image looks like any class) and 10 (confident and all classes equally often).
/// <see cref="FrechetDistance"/> compares mean and covariance of the classifier's features with real test
/// images (Heusel et al. 2017): 0 for identical statistics, lower is better; compare only at equal counts.
/// </summary>
public sealed record QualityScore(double InceptionScore, double FrechetDistance, double Confidence, int Count, double[] ClassShares)
{
    /// <summary>"IS 7,12 · FD 3,45 · Konfidenz 0,91 (n = 1.000)".</summary>
    public override string ToString() =>
        $"IS-Analogon {GermanNumber.Format(InceptionScore, 2)} · Fréchet-Distanz {GermanNumber.Format(FrechetDistance, 2)}"
        + $" · Konfidenz {GermanNumber.Format(Confidence, 2)} (n = {GermanNumber.Format(Count, 0)})";
}
