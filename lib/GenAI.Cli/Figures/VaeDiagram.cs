namespace GenAI.Cli.Figures;

/// <summary>
/// images/vae-aufbau.svg: encoder → (μ, log σ²) → z = μ + σ·ε (ε ~ N(0, I)) → decoder, with the KL term
/// attached to the two heads. Kingma &amp; Welling 2013, eq. 10 (the reparameterised estimator).
/// </summary>
internal static class VaeDiagram
{
    public static string Render(float[] input, float[] reconstruction, int side)
    {
        var svg = new SvgSketch(900, 360);
        const double midY = 150, img = 88;
        string enc = AutoencoderDiagram.Encoder, dec = AutoencoderDiagram.Decoder, lat = AutoencoderDiagram.Latent;

        svg.Pixels(30, midY - img / 2, img, input, side);
        svg.Text(30 + img / 2, midY + img / 2 + 22, "Bild x", 14, weight: "bold");
        svg.Arrow(128, midY, 160, midY);

        // Encoder funnel.
        svg.Polygon("#e3e5fd", enc, (165, midY - 80), (265, midY - 40), (265, midY + 40), (165, midY + 80));
        svg.Text(215, midY + 5, "Encoder", 15, color: enc, weight: "bold");

        // Two heads: mean and log-variance.
        svg.Arrow(268, midY - 20, 318, midY - 48);
        svg.Arrow(268, midY + 20, 318, midY + 48);
        svg.Rect(322, midY - 68, 70, 36, "#f1f2fe", enc, 6);
        svg.Text(357, midY - 44, "μ", 18, color: enc, weight: "bold");
        svg.Rect(322, midY + 32, 70, 36, "#f1f2fe", enc, 6);
        svg.Text(357, midY + 56, "log σ²", 15, color: enc, weight: "bold");

        // Reparameterisation node.
        svg.Arrow(394, midY - 50, 466, midY - 14);
        svg.Arrow(394, midY + 50, 466, midY + 14);
        svg.Circle(520, midY, 52, "#e0f5ef", lat);
        svg.Text(520, midY - 4, "z = μ + σ·ε", 15, color: "#0b5e47", weight: "bold");
        svg.Text(520, midY + 16, "σ = exp(½ log σ²)", 11, color: "#0b5e47");
        svg.Arrow(520, midY + 118, 520, midY + 56, "#555", dashed: true);
        svg.Text(520, midY + 136, "Zufall: ε ~ N(0, I)", 13, color: "#333", italic: true);

        // Decoder funnel.
        svg.Arrow(574, midY, 612, midY);
        svg.Polygon("#fde1dc", dec, (616, midY - 40), (716, midY - 80), (716, midY + 80), (616, midY + 40));
        svg.Text(666, midY + 5, "Decoder", 15, color: dec, weight: "bold");
        svg.Arrow(720, midY, 760, midY);
        svg.Pixels(766, midY - img / 2, img, reconstruction, side);
        svg.Text(766 + img / 2, midY + img / 2 + 22, "Rekonstruktion x̂", 14, weight: "bold");

        // The two loss terms.
        svg.Rect(240, 20, 234, 34, "#fff8e6", "#d9a400", 6);
        svg.Text(357, 42, "KL-Term: N(μ, σ²) soll N(0, I) ähneln", 12, color: "#7a5c00");
        svg.Arrow(357, 56, 357, midY - 72, "#d9a400", dashed: true);
        svg.Rect(632, 20, 230, 34, "#fff8e6", "#d9a400", 6);
        svg.Text(747, 42, "Rekonstruktion: x̂ soll x gleichen", 12, color: "#7a5c00");
        svg.Arrow(810, 56, 810, midY - img / 2 - 6, "#d9a400", dashed: true);
        svg.Text(450, 340, "Verlust = Rekonstruktionsfehler + KL-Term", 14, color: "#333", italic: true);
        return svg.ToString();
    }
}
