namespace GenAI.Cli.Figures;

/// <summary>
/// images/autoencoder-aufbau.svg: the chapter-01 autoencoder 784-128-64-10-64-128-784 as a funnel,
/// with a real input image and the reconstruction a trained model made of it.
/// </summary>
internal static class AutoencoderDiagram
{
    private static readonly int[] Layers = [784, 128, 64, 10, 64, 128, 784];
    public const string Encoder = "#636efa", Latent = "#00a67e", Decoder = "#ef553b";

    public static string Render(float[] input, float[] reconstruction, int side)
    {
        var svg = new SvgSketch(900, 330);
        const double midY = 160, imgSize = 96, left = 40, firstBar = 190, step = 86, barW = 20;
        // Bar height grows with the square root of the layer width, so 10 and 784 both stay readable.
        double H(int n) => 36 + 180 * Math.Sqrt(n / 784.0);
        double X(int i) => firstBar + i * step;

        svg.Pixels(left, midY - imgSize / 2, imgSize, input, side);
        svg.Text(left + imgSize / 2, midY + imgSize / 2 + 22, "Bild x", 14, weight: "bold");
        svg.Text(left + imgSize / 2, midY + imgSize / 2 + 40, "784 Pixel", 12, color: "#555");
        svg.Arrow(left + imgSize + 8, midY, X(0) - 8, midY);

        for (int i = 0; i + 1 < Layers.Length; i++)
        {
            double x1 = X(i) + barW, x2 = X(i + 1), h1 = H(Layers[i]) / 2, h2 = H(Layers[i + 1]) / 2;
            var fill = i < 3 ? "#e3e5fd" : "#fde1dc";
            svg.Polygon(fill, "none", (x1, midY - h1), (x2, midY - h2), (x2, midY + h2), (x1, midY + h1));
        }
        for (int i = 0; i < Layers.Length; i++)
        {
            double h = H(Layers[i]);
            var color = i < 3 ? Encoder : i == 3 ? Latent : Decoder;
            svg.Rect(X(i), midY - h / 2, barW, h, color, "none", 3);
            svg.Text(X(i) + barW / 2, midY + h / 2 + 18, Layers[i].ToString(System.Globalization.CultureInfo.InvariantCulture), 12, color: "#333");
        }
        svg.Text((X(0) + X(2) + barW) / 2, 34, "Encoder", 16, color: Encoder, weight: "bold");
        svg.Text((X(4) + X(6) + barW) / 2, 34, "Decoder", 16, color: Decoder, weight: "bold");
        svg.Text(X(3) + barW / 2, 34, "latenter Code z", 14, color: Latent, weight: "bold");
        svg.Text(X(3) + barW / 2, 52, "(10 Zahlen)", 12, color: Latent);

        double right = X(6) + barW + 30;
        svg.Arrow(X(6) + barW + 8, midY, right - 8, midY);
        svg.Pixels(right, midY - imgSize / 2, imgSize, reconstruction, side);
        svg.Text(right + imgSize / 2, midY + imgSize / 2 + 22, "Rekonstruktion x̂", 14, weight: "bold");
        svg.Text(right + imgSize / 2, midY + imgSize / 2 + 40, "784 Pixel", 12, color: "#555");

        svg.Text(450, 312, "Training: Der Fehler zwischen x und x̂ soll möglichst klein werden.", 14, color: "#333", italic: true);
        return svg.ToString();
    }
}
