namespace GenAI.Notebooks.Export;

/// <summary>Finds plotly.min.js for interactive handouts (never downloaded: handouts must build offline).</summary>
public static class PlotlyScript
{
    /// <summary>Environment variable naming plotly.min.js.</summary>
    public const string Variable = "GENAI_PLOTLY_JS";

    /// <summary>
    /// <c>GENAI_PLOTLY_JS</c> if set, else the copy <c>.ci/run</c> installs under <c>artifacts/ci/npm</c>
    /// of the repository containing <paramref name="startDirectory"/>; null when neither exists.
    /// </summary>
    public static string? Find(string startDirectory)
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } fromEnv)
            return File.Exists(fromEnv) ? fromEnv : null;
        for (var dir = new DirectoryInfo(Path.GetFullPath(startDirectory)); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "artifacts", "ci", "npm", "node_modules", "plotly.js-dist-min", "plotly.min.js");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>The message shown when interactive export was asked for but no plotly.min.js is there.</summary>
    public static string NotFoundMessage =>
        $"plotly.min.js nicht gefunden: Setze {Variable}=/pfad/zu/plotly.min.js (z. B. aus dem npm-Paket plotly.js-dist-min@4.1.2, " +
        "das bash .ci/run unter artifacts/ci/npm installiert) oder exportiere ohne --interactive (dann mit statischen Bildern).";
}
