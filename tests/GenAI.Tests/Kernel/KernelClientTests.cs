using System.Text.Json.Nodes;

namespace GenAI.Tests.Kernel;

/// <summary>
/// The kernel's protocol layer driven by jupyter_client 7.4.9 (Debian), the client nbclient, nbconvert
/// and jupyter_kernel_test are built on. The engine is a scripted test double, so these check message
/// sequences, not C#.
/// </summary>
[NonParallelizable]
public class KernelClientTests
{
    private static JsonObject RunChecks(InProcessKernel kernel, string check)
    {
        var result = PythonClients.Run(
            [Path.Combine(PythonClients.ScriptDirectory, "client_checks.py"), kernel.ConnectionFile, check], TimeSpan.FromSeconds(90));
        Assert.That(result.ExitCode, Is.Zero, $"client_checks.py {check} failed:\n{result.Stderr}\nkernel log:\n{string.Join("\n", kernel.Log)}");
        return JsonNode.Parse(result.Stdout.Trim().Split('\n')[^1])!.AsObject();
    }

    private static List<string> Types(JsonNode? iopub) => [.. iopub!.AsArray().Select(m => (string)m![0]!)];

    [Test]
    public void Real_client_sees_busy_idle_replies_and_outputs_in_protocol_order()
    {
        PythonClients.Require("jupyter_client");
        using var kernel = new InProcessKernel(new ScriptedTestEngine());
        var seen = RunChecks(kernel, "protocol");

        Assert.That((string?)seen["kernel_info"]!["language_info"]!["name"], Is.EqualTo("csharp"));
        Assert.That((string?)seen["kernel_info"]!["protocol_version"], Is.EqualTo("5.3"));
        Assert.That(seen["kernel_info_iopub"]!.AsArray().Select(s => (string?)s), Is.EqualTo(new[] { "busy", "idle" }));
        Assert.That(seen["header_keys"]!.AsArray().Select(k => (string?)k),
            Is.EqualTo(new[] { "date", "msg_id", "msg_type", "session", "username", "version" }));
        Assert.That((bool)seen["date_parsed"]!, Is.True, "jupyter_client parses our dates (≤ 6 fractional digits)");

        Assert.That((string?)seen["execute_reply"]!["status"], Is.EqualTo("ok"));
        Assert.That((int)seen["execute_reply"]!["execution_count"]!, Is.EqualTo(1));
        Assert.That(Types(seen["execute_iopub"]), Is.EqualTo(new[]
            { "status", "execute_input", "stream", "stream", "display_data", "update_display_data", "execute_result", "status" }));
        var iopub = seen["execute_iopub"]!.AsArray();
        Assert.That((string?)iopub[2]![1]!["text"], Is.EqualTo("hello, world\n"), "characters written one by one arrive as one stream message");
        Assert.That((string?)iopub[3]![1]!["name"], Is.EqualTo("stderr"));
        Assert.That((int?)iopub[4]![1]!["data"]!["application/json"]!["a"], Is.EqualTo(1), "JSON MIME data is an object, not a string");
        Assert.That((string?)iopub[4]![1]!["transient"]!["display_id"], Is.EqualTo("d1"));
        Assert.That((int)iopub[6]![1]!["execution_count"]!, Is.EqualTo(1));

        Assert.That((string?)seen["error_reply"]!["status"], Is.EqualTo("error"));
        Assert.That((string?)seen["error_reply"]!["ename"], Is.EqualTo("Boom"));
        Assert.That(Types(seen["error_iopub"]), Is.EqualTo(new[] { "status", "execute_input", "error", "status" }));
        Assert.That(Types(seen["silent_iopub"]), Is.EqualTo(new[] { "status", "status" }), "silent: busy and idle only");
        Assert.That((int)seen["silent_reply"]!["execution_count"]!, Is.EqualTo(2), "silent requests do not advance the counter");

        var history = seen["history"]!["history"]!.AsArray();
        Assert.That(history, Has.Count.EqualTo(2));
        Assert.That((string?)history[0]![2]![0], Is.EqualTo("hello"));
        Assert.That((string?)history[0]![2]![1], Is.EqualTo("42"));
        Assert.That(seen["comm_info"]!["comms"]!.AsObject(), Is.Empty);
        Assert.That(Types(seen["comm_open_iopub"]), Is.EqualTo(new[] { "status", "comm_close", "status" }), "unknown comm targets are closed");
        Assert.That((bool)seen["heartbeat"]!, Is.True);
    }

    [Test]
    public void Console_readline_asks_the_client_on_stdin_with_the_shell_identity()
    {
        PythonClients.Require("jupyter_client");
        using var kernel = new InProcessKernel(new ScriptedTestEngine());
        var seen = RunChecks(kernel, "stdin");
        Assert.That((string?)seen["input_request"]!["prompt"], Is.EqualTo("Name? "));
        Assert.That((bool)seen["input_parent"]!, Is.True);
        Assert.That((string?)seen["reply"]!["status"], Is.EqualTo("ok"));
        Assert.That(seen["iopub"]!.AsArray().Any(m => (string?)m![1]!["text"] == "Hallo Ada\n"), Is.True);
    }

    [Test]
    public void Interrupt_request_on_control_or_shell_stops_the_running_cell_and_the_kernel_goes_on()
    {
        PythonClients.Require("jupyter_client");
        using var kernel = new InProcessKernel(new ScriptedTestEngine());
        var seen = RunChecks(kernel, "interrupt");
        foreach (var channel in new[] { "control", "shell" })
        {
            Assert.That((string?)seen[channel + "_interrupt_reply"]!["status"], Is.EqualTo("ok"), channel);
            Assert.That((string?)seen[channel + "_reply"]!["status"], Is.EqualTo("error"), channel);
            Assert.That((string?)seen[channel + "_reply"]!["ename"], Is.EqualTo("OperationCanceledException"), channel);
        }
        Assert.That((string?)seen["after_reply"]!["status"], Is.EqualTo("ok"));
    }
}
