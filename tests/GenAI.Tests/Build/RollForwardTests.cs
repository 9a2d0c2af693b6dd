using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using GenAI.Tests.Kernel;

namespace GenAI.Tests.Build;

/// <summary>
/// A student with only a newer .NET (say 11) can still start genai and the kernel: the app host's roll-forward
/// policy "Major" picks the newest installed runtime when the targeted major is absent. No newer runtime is
/// installed here, so the test plays the same situation one major lower: the built CLI's runtimeconfig is
/// rewritten to target the previous major, and the host must start it on the installed one.
/// </summary>
public class RollForwardTests
{
    private static (int Exit, string Output) StartWith(JsonObject runtimeConfig)
    {
        var cli = InstalledKernel.CliAssembly();
        var config = Path.Combine(Path.GetTempPath(), $"genai-rollforward-{Guid.NewGuid():N}.runtimeconfig.json");
        File.WriteAllText(config, runtimeConfig.ToJsonString());
        try
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "exec", "--runtimeconfig", config, "--depsfile", Path.ChangeExtension(cli, ".deps.json"), cli, "--version" })
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output + error.Result);
        }
        finally { File.Delete(config); }
    }

    private static JsonObject BuiltConfigOneMajorLower(out JsonObject options)
    {
        var cli = InstalledKernel.CliAssembly();
        var root = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(cli, ".runtimeconfig.json")))!.AsObject();
        options = root["runtimeOptions"]!.AsObject();
        var framework = options["framework"]!.AsObject();
        int major = Version.Parse((string)framework["version"]!).Major;
        framework["version"] = $"{major - 1}.0.0";
        return root;
    }

    [Test]
    public void The_cli_starts_on_a_newer_major_runtime_when_its_own_is_missing()
    {
        var config = BuiltConfigOneMajorLower(out var options);
        Assert.That((string?)options["rollForward"], Is.EqualTo("Major"), "Directory.Build.props sets RollForward=Major");
        var (exit, output) = StartWith(config);
        Assert.That(exit, Is.Zero, output);
        Assert.That(output, Does.Match(@"^\d+\.\d+\.\d+"), "genai --version printed its version");
    }

    [Test]
    public void Without_the_roll_forward_policy_the_same_start_fails()
    {
        // The control: proves the test above depends on the policy, not on a lenient host.
        var config = BuiltConfigOneMajorLower(out var options);
        options.Remove("rollForward");
        var (exit, output) = StartWith(config);
        Assert.That(exit, Is.Not.Zero);
        Assert.That(output, Does.Contain("You must install or update .NET"));
    }

    [Test]
    public void Global_json_lets_a_newer_major_sdk_build_the_course()
    {
        // The repository's global.json with its SDK version one major lower: the muxer must still pick the installed SDK.
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(InstalledKernel.RepositoryRoot(), "global.json")))!.AsObject();
        var sdk = json["sdk"]!.AsObject();
        Assert.That((string?)sdk["rollForward"], Is.EqualTo("latestMajor"));
        var wanted = Version.Parse((string)sdk["version"]!);
        sdk["version"] = $"{wanted.Major - 1}.0.100";
        var dir = Directory.CreateTempSubdirectory("genai-globaljson-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "global.json"), json.ToJsonString());
            var start = new ProcessStartInfo("dotnet", "--version") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            Assert.That(process.ExitCode, Is.Zero, output + error.Result);
            Assert.That(Version.Parse(output.Split('-')[0]).Major, Is.GreaterThanOrEqualTo(wanted.Major));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
