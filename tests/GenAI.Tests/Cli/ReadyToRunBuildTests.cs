using GenAI.Cli;
using GenAI.Tests.Kernel;

namespace GenAI.Tests.Cli;

/// <summary>When the CLI trusts its ReadyToRun copy: only a copy built from the same sources is used.</summary>
public class ReadyToRunBuildTests
{
    private static readonly string[] Own = ["GenAI.Cli.dll", "GenAI.dll", "GenAI.Notebooks.dll", "GenAI.Kernel.dll"];

    private static string CopyOfPlainBuild()
    {
        var plain = Path.GetDirectoryName(InstalledKernel.CliAssembly())!;
        var copy = Directory.CreateTempSubdirectory("genai-r2r-").FullName;
        foreach (var name in Own) File.Copy(Path.Combine(plain, name), Path.Combine(copy, name));
        return copy;
    }

    [Test]
    public void A_copy_of_the_same_build_is_current_and_a_changed_assembly_is_named()
    {
        var plain = Path.GetDirectoryName(InstalledKernel.CliAssembly())!;
        var copy = CopyOfPlainBuild();
        try
        {
            Assert.That(ReadyToRunBuild.StaleAssembly(plain, copy), Is.Null);
            // Another compilation in GenAI.dll's place: a different module id.
            File.Copy(Path.Combine(plain, "GenAI.Kernel.dll"), Path.Combine(copy, "GenAI.dll"), overwrite: true);
            Assert.That(ReadyToRunBuild.StaleAssembly(plain, copy), Is.EqualTo("GenAI.dll"));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Test]
    public void The_cli_is_compared_by_its_source_fingerprint_not_its_module_id()
    {
        var plain = Path.GetDirectoryName(InstalledKernel.CliAssembly())!;
        var fingerprint = ReadyToRunBuild.SourceFingerprint(Path.Combine(plain, "GenAI.Cli.dll"));
        if (fingerprint is null) Assert.Ignore("This build was made with -p:GenAIReadyToRun=false (no fingerprint).");
        Assert.That(fingerprint, Does.Match("^-?[0-9]+$"));
        var copy = CopyOfPlainBuild();
        try
        {
            File.Copy(Path.Combine(plain, "GenAI.Kernel.dll"), Path.Combine(copy, "GenAI.Cli.dll"), overwrite: true);
            Assert.That(ReadyToRunBuild.SourceFingerprint(Path.Combine(copy, "GenAI.Cli.dll")), Is.Null);
            Assert.That(ReadyToRunBuild.StaleAssembly(plain, copy), Is.EqualTo("GenAI.Cli.dll"));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Test]
    public void The_publish_folder_follows_the_artifacts_layout()
    {
        var plain = Path.Combine(Path.GetTempPath(), "repo", "artifacts", "bin", "GenAI.Cli", "release");
        Assert.That(ReadyToRunBuild.PublishFolder(plain, "linux-x64"),
            Is.EqualTo(Path.Combine(Path.GetTempPath(), "repo", "artifacts", "publish", "GenAI.Cli", "release_linux-x64")));
        Assert.That(ReadyToRunBuild.PublishFolder(Path.GetTempPath(), "linux-x64"), Is.Null, "not below a bin folder");
    }
}
