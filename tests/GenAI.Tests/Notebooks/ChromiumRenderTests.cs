using System.Buffers.Binary;
using System.Diagnostics;
using GenAI.Cli.Commands;
using GenAI.Notebooks.Export;

namespace GenAI.Tests.Notebooks;

public class ChromiumRenderTests
{
    [Test]
    public async Task Headless_chromium_renders_an_exported_chapter()
    {
        var chromium = Environment.GetEnvironmentVariable("GENAI_CHROMIUM");
        if (string.IsNullOrEmpty(chromium) || !File.Exists(chromium)) Assert.Ignore("GENAI_CHROMIUM is not set to a Chromium binary (bash .ci/run sets it)");
        using var folder = new TempNotebookFolder();
        var output = Path.Combine(folder.Root, "handouts");
        int exit = await ExportCommand.ExportAsync([Path.Combine(RepoPaths.Fixtures, "kapitel.ipynb")], output,
            new ExportOptions { Solutions = SolutionMode.Collapse }, execute: false, new StringWriter(), CancellationToken.None);
        Assert.That(exit, Is.Zero);
        var page = new Uri(Path.Combine(output, "kapitel.html")).AbsoluteUri;

        var dom = Run(chromium, folder.Root, "--dump-dom", page);
        Assert.That(dom, Does.Contain("Testkapitel: Wahrscheinlichkeiten").And.Contain("Lösung anzeigen").And.Contain("<math"));

        var png = Path.Combine(folder.Root, "seite.png");
        Run(chromium, folder.Root, $"--screenshot={png}", "--window-size=1000,1800", page);
        Assert.That(File.Exists(png), Is.True, "Chromium wrote no screenshot");
        var bytes = File.ReadAllBytes(png);
        Assert.That(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), Is.EqualTo(1000));
        Assert.That(bytes.Length, Is.GreaterThan(30_000), "a page with text, code and images compresses to more than a blank one");
    }

    private static string Run(string chromium, string workDir, params string[] args)
    {
        var info = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workDir };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                                  "--disable-component-update", "--disable-sync", $"--user-data-dir={Path.Combine(workDir, "chromium-profile")}" })
            info.ArgumentList.Add(a);
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90))) { process.Kill(entireProcessTree: true); Assert.Fail("Chromium did not finish in 90 s"); }
        return stdout.Result;
    }
}
