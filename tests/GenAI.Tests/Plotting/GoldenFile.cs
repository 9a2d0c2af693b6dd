using System.Runtime.CompilerServices;

namespace GenAI.Tests.Plotting;

/// <summary>
/// Compares rendered text with a committed golden file in <c>tests/GenAI.Tests/Plotting/golden/</c>.
/// Set <c>GENAI_UPDATE_GOLDEN=1</c> to (re)write the golden files instead, then review the diff.
/// </summary>
internal static class GoldenFile
{
    public const string UpdateVariable = "GENAI_UPDATE_GOLDEN";

    public static string Folder([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "golden");

    public static void AssertMatches(string name, string actual)
    {
        var path = Path.Combine(Folder(), name);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Folder());
            File.WriteAllText(path, actual);
            return;
        }
        Assert.That(File.Exists(path), Is.True, $"Golden file {path} is missing; run the tests once with {UpdateVariable}=1 and review it.");
        Assert.That(actual.ReplaceLineEndings("\n"), Is.EqualTo(File.ReadAllText(path).ReplaceLineEndings("\n")),
            $"{name} differs from its golden file; if the change is intended, regenerate with {UpdateVariable}=1 and review the diff.");
    }
}
