using System.Diagnostics;

namespace GenAI.Tests.Plotting;

/// <summary>Runs headless Chromium (path in GENAI_CHROMIUM, set by .ci/run) on a local file.</summary>
internal static class Chromium
{
    public static string RequireBrowser()
    {
        var path = Environment.GetEnvironmentVariable("GENAI_CHROMIUM");
        if (string.IsNullOrEmpty(path) || !File.Exists(path)) Assert.Ignore("GENAI_CHROMIUM is not set (bash .ci/run sets it); browser check skipped.");
        return path!;
    }

    public static string RequirePlotlyJs()
    {
        var path = Environment.GetEnvironmentVariable("GENAI_PLOTLY_JS");
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
            Assert.Ignore("GENAI_PLOTLY_JS is not set (bash .ci/run installs plotly.js-dist-min); browser check skipped.");
        return path!;
    }

    /// <summary>Loads <paramref name="file"/>, lets scripts run, returns the serialised DOM.</summary>
    public static string DumpDom(string browser, string file) =>
        Run(browser, ["--virtual-time-budget=10000", "--dump-dom", new Uri(file).AbsoluteUri]);

    /// <summary>Screenshots <paramref name="file"/> into <paramref name="png"/>.</summary>
    public static void Screenshot(string browser, string file, string png, int width, int height) =>
        Run(browser, [$"--screenshot={png}", $"--window-size={width},{height}", "--hide-scrollbars", new Uri(file).AbsoluteUri]);

    private static string Run(string browser, string[] arguments)
    {
        var profile = Directory.CreateTempSubdirectory("genai-chromium-");
        try
        {
            var info = new ProcessStartInfo(browser)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            foreach (var a in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", $"--user-data-dir={profile.FullName}"])
                info.ArgumentList.Add(a);
            foreach (var a in arguments) info.ArgumentList.Add(a);
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(90_000))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("Chromium did not finish within 90 s.");
            }
            return stdout.Result;
        }
        finally
        {
            try { profile.Delete(recursive: true); } catch (IOException) { }
        }
    }
}
