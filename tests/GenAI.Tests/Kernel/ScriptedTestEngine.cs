using GenAI.Display;
using GenAI.Kernel;

namespace GenAI.Tests.Kernel;

/// <summary>
/// A test double for protocol tests that must not depend on the C# compiler: each "cell" is a
/// keyword naming one behaviour. It records what it ran so tests can prove a message was NOT executed.
/// </summary>
internal sealed class ScriptedTestEngine : IKernelEngine
{
    public List<string> Executed { get; } = [];

    public async Task ExecuteAsync(string code, CellPublisher output, CancellationToken cancellationToken)
    {
        lock (Executed) Executed.Add(code);
        switch (code)
        {
            case "hello":
                foreach (var c in "hello, world\n") output.Stream("stdout", c.ToString());   // one write per character
                output.Stream("stderr", "warn\n");
                output.Display(new MimeBundle().Add("text/plain", "p").Add("application/json", "{\"a\":1}"), "d1");
                output.UpdateDisplay(MimeBundle.PlainText("p2"), "d1");
                output.Result(MimeBundle.PlainText("42"));
                break;
            case "wait":
                output.Stream("stdout", "waiting\n");
                await Task.Delay(Timeout.Infinite, cancellationToken);
                break;
            case "ask":
                output.Stream("stdout", "Hallo " + output.ReadLine("Name? ", password: false) + "\n");
                break;
            case "fail":
                output.Error("Boom", "kaputt", ["Boom: kaputt"]);
                break;
            default:
                output.Result(MimeBundle.PlainText(code));
                break;
        }
    }

    public CompletionResult Complete(string code, int cursor) => new(["hello"], 0, cursor);

    public string? Inspect(string code, int cursor, int detailLevel) => code.Length > 0 ? "doc of " + code : null;

    public string IsComplete(string code) => code.EndsWith('{') ? "incomplete" : "complete";

    public void Dispose() { }
}
