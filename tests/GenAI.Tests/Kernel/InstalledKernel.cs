using GenAI.Cli;
using GenAI.Kernel;

namespace GenAI.Tests.Kernel;

/// <summary>
/// The kernelspec installed into a temporary prefix (never the user's own kernels folder), pointing at
/// the build `genai kernel install` picks for the CLI this test run built: its ReadyToRun copy when that
/// is current, else the plain build. Python clients find it through JUPYTER_PATH.
/// </summary>
internal sealed class InstalledKernel : IDisposable
{
    public InstalledKernel()
    {
        Prefix = Directory.CreateTempSubdirectory("genai-kernelspec-").FullName;
        Build = ReadyToRunBuild.Find(CliAssembly());
        KernelSpec.Install(KernelSpec.PrefixKernelsDirectory(Prefix), KernelSpec.CurrentDotnetHost(), Build.CliAssembly);
        Environment = new Dictionary<string, string>
        {
            ["JUPYTER_PATH"] = Path.Combine(Prefix, "share", "jupyter"),
            ["JUPYTER_DATA_DIR"] = Path.Combine(Prefix, "data"),
            ["JUPYTER_RUNTIME_DIR"] = Path.Combine(Prefix, "runtime"),
            ["JUPYTER_CONFIG_DIR"] = Path.Combine(Prefix, "config"),
            ["IPYTHONDIR"] = Path.Combine(Prefix, "ipython"),
        };
    }

    public string Prefix { get; }
    public ReadyToRunBuild Build { get; }
    public Dictionary<string, string> Environment { get; }

    /// <summary>artifacts/bin/GenAI.Cli/&lt;config&gt;/GenAI.Cli.dll of this build (the test project references the CLI, so it is built).</summary>
    public static string CliAssembly()
    {
        var testDir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);    // artifacts/bin/GenAI.Tests/<config>
        var cli = Path.Combine(testDir.Parent!.Parent!.FullName, "GenAI.Cli", testDir.Name, "GenAI.Cli.dll");
        if (!File.Exists(cli)) Assert.Fail($"The CLI is not built at {cli}; run `dotnet build GenAI.slnx -c Release` first.");
        return cli;
    }

    /// <summary>The repository: the folder above the test assembly that holds GenAI.slnx.</summary>
    public static string RepositoryRoot() => GenAI.Tests.Notebooks.RepoPaths.Root;

    public void Dispose() => Directory.Delete(Prefix, recursive: true);
}
