using GenAI.Display;
using GenAI.Notebooks;

namespace GenAI.Tests.Notebooks;

public class ScriptSessionTests
{
    private string _dir = "";
    private ScriptSession _session = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = RepoPaths.Fixtures;
        _session = new ScriptSession(_dir);
    }

    [TearDown]
    public void TearDown() => _session.Dispose();

    private async Task<(CellRunResult Result, RecordingOutput Output)> Run(string code, CancellationToken token = default)
    {
        var output = new RecordingOutput();
        var result = await _session.ExecuteAsync(code, output, token);
        return (result, output);
    }

    [Test]
    public async Task State_carries_from_cell_to_cell_and_the_last_expression_is_the_result()
    {
        await Run("var x = 20;\nint Twice(int v) => 2 * v;");
        var (result, output) = await Run("Twice(x) + 2");
        Assert.That(result.Succeeded, Is.True);
        Assert.That(output.Events, Is.EqualTo(new[] { "result: 42" }));
    }

    [Test]
    public async Task A_statement_or_void_call_at_the_end_gives_no_result()
    {
        var (_, output) = await Run("var y = 1;");
        Assert.That(output.Events, Is.Empty);
        (_, output) = await Run("Console.WriteLine(y)");
        Assert.That(output.Events, Is.EqualTo(new[] { "stdout: 1\n" }));
    }

    [Test]
    public async Task Console_output_and_displays_keep_their_order()
    {
        var (_, output) = await Run("Console.WriteLine(\"a\"); Console.Error.WriteLine(\"b\"); var h = display(3); Console.Write(\"c\"); h.Update(4); 5");
        static bool IsDisplay(string e) => e.StartsWith("display", StringComparison.Ordinal) || e.StartsWith("update", StringComparison.Ordinal);
        Assert.That(output.Events.Select(e => IsDisplay(e) ? e.Split(' ')[0] + " " + e.Split(": ")[1] : e),
            Is.EqualTo(new[] { "stdout: a\n", "stderr: b\n", "display 3", "stdout: c", "update 4", "result: 5" }));
        var ids = output.Events.Where(IsDisplay).Select(e => e.Split(' ')[1]).Distinct();
        Assert.That(ids.Count(), Is.EqualTo(1), "update must name the display's id");
    }

    [Test]
    public async Task A_csharp_magic_first_line_is_accepted()
    {
        var (result, output) = await Run("#!csharp\n1 + 1");
        Assert.That(result.Succeeded, Is.True);
        Assert.That(output.Events, Is.EqualTo(new[] { "result: 2" }));
    }

    [Test]
    public async Task A_missing_dll_names_the_resolved_path_and_the_build_command()
    {
        var (result, output) = await Run("#r \"../nirgends/GenAI.dll\"");
        Assert.That(result.Status, Is.EqualTo(CellRunStatus.Error));
        Assert.That(output.Errors[0].Evalue, Does.Contain(Path.GetFullPath(Path.Combine(_dir, "../nirgends/GenAI.dll"))).And.Contain("dotnet build"));
    }

    [Test]
    public async Task A_referenced_library_shares_the_hosts_copy_of_GenAI()
    {
        if (!File.Exists(RepoPaths.LibraryDll)) Assert.Fail("build the solution first: " + RepoPaths.LibraryDll);
        var relative = Path.GetRelativePath(_dir, RepoPaths.LibraryDll).Replace('\\', '/');
        var (result, output) = await Run($"#r \"{relative}\"\nusing GenAI.Display;\nMimeBundle.PlainText(\"geteilt\")");
        Assert.That(result.Succeeded, Is.True, string.Join("\n", output.Events));
        // Formatter recognises the value as *its* MimeBundle only if both come from one assembly.
        Assert.That(output.Events, Is.EqualTo(new[] { "result: geteilt" }));
        (_, output) = await Run("typeof(MimeBundle).Assembly == typeof(System.Linq.Enumerable).Assembly ? \"?\" : typeof(MimeBundle).Assembly.Location");
        Assert.That(output.Events, Is.EqualTo(new[] { "result: " + typeof(MimeBundle).Assembly.Location }));
    }

    [Test]
    public async Task One_reference_to_the_library_brings_TorchSharp_namespaces_too()
    {
        var relative = Path.GetRelativePath(_dir, RepoPaths.LibraryDll).Replace('\\', '/');
        var (result, output) = await Run($"#r \"{relative}\"\nusing TorchSharp;\nusing static TorchSharp.torch;\n"
            + "TorchSharp.Modules.Linear layer = nn.Linear(3, 2);\nlayer.forward(ones(4, 3)).shape[0]");
        Assert.That(result.Succeeded, Is.True, string.Join("\n", output.Errors.Select(e => e.Evalue)));
        Assert.That(output.Events, Is.EqualTo(new[] { "result: 4" }));
    }

    [Test]
    public async Task An_exception_names_the_cell_line_without_roslyn_internals()
    {
        var (result, output) = await Run("var a = 1;\nvar b = 0;\nvar c = a / b;");
        Assert.That(result.Status, Is.EqualTo(CellRunStatus.Error));
        var (ename, _, traceback) = output.Errors.Single();
        Assert.That(ename, Is.EqualTo("DivideByZeroException"));
        Assert.That(traceback, Has.Some.Contains("dieser Zelle, Zeile 3"));
        Assert.That(string.Join("\n", traceback), Does.Not.Contain("Submission#").And.Not.Contain("Microsoft.CodeAnalysis"));
    }

    [Test]
    public async Task A_compile_error_is_reported_in_german_with_line_and_column()
    {
        var (result, output) = await Run("var ok = 1;\nunbekannt + 1");
        Assert.That(result.Status, Is.EqualTo(CellRunStatus.Error));
        Assert.That(output.Errors[0].Evalue, Does.StartWith("Zeile 2, Spalte 1: CS0103"));
    }

    [Test]
    public async Task A_failing_cell_leaves_the_earlier_state()
    {
        await Run("var n = 1;");
        await Run("n = 2; throw new Exception(\"x\");");
        var (_, output) = await Run("n");
        Assert.That(output.Events, Is.EqualTo(new[] { "result: 2" }), "side effects stay, the session goes on");
        (var result, _) = await Run("var m = 5; throw new Exception(\"x\");");
        (result, _) = await Run("m");
        Assert.That(result.Status, Is.EqualTo(CellRunStatus.Error), "variables of the failed cell are gone");
    }

    [Test]
    public async Task A_tight_loop_stops_when_the_cell_is_cancelled()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var (result, output) = await Run("long i = 0;\nwhile (true) i++;", cts.Token);
        Assert.That(result.Status, Is.EqualTo(CellRunStatus.Cancelled));
        Assert.That(output.Errors[0].Traceback, Has.Some.Contains("Zeile 2"));
        var (after, afterOutput) = await Run("1 + 2");
        Assert.That(afterOutput.Events, Is.EqualTo(new[] { "result: 3" }));
        Assert.That(after.Succeeded, Is.True);
    }

    [Test]
    public async Task A_cell_stuck_outside_loops_is_left_running_after_the_grace_and_the_session_goes_on()
    {
        await Run("var before = 7;");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        // Thread.Sleep has no loop check: the interrupt cannot stop it, so the cell is orphaned after the grace.
        var (result, output) = await Run("var lost = 1;\nSystem.Threading.Thread.Sleep(6000);", cts.Token);
        Assert.That(result.Status, Is.EqualTo(CellRunStatus.Cancelled));
        Assert.That(output.Errors.Single().Ename, Is.EqualTo("Unterbrochen"));
        Assert.That(output.Errors[0].Evalue, Does.Contain("läuft im Hintergrund weiter"));
        Assert.That(result.Duration, Is.LessThan(TimeSpan.FromSeconds(5.5)), "returns after the grace, not when the sleep ends");
        var (_, afterOutput) = await Run("before");
        Assert.That(afterOutput.Events, Is.EqualTo(new[] { "result: 7" }));
        (var lost, _) = await Run("lost");
        Assert.That(lost.Status, Is.EqualTo(CellRunStatus.Error), "the orphaned cell's variables are gone");
    }

    [Test]
    public async Task Library_progress_becomes_one_display_updated_in_place()
    {
        var relative = Path.GetRelativePath(_dir, RepoPaths.LibraryDll).Replace('\\', '/');
        var (result, output) = await Run(
            $"#r \"{relative}\"\nusing (var p = GenAI.Display.Progress.Start(\"Training\")) {{ for (int i = 1; i <= 3; i++) p.Report(i, 3); }}");
        Assert.That(result.Succeeded, Is.True, string.Join("\n", output.Events));
        Assert.That(output.Events[0], Does.StartWith("display progress-"));
        Assert.That(output.Events[^1], Does.EndWith("Training [##############################] 100% 3/3"));
    }

    [Test]
    public async Task Console_ReadLine_reads_from_the_front_end()
    {
        var output = new RecordingOutput();
        output.Input.Enqueue("Ada");
        await _session.ExecuteAsync("var name = Console.ReadLine(); $\"Hallo {name}\"", output, default);
        Assert.That(output.Events, Is.EqualTo(new[] { "result: Hallo Ada" }));
    }

    [TestCase("var x = 1;", IsCompleteStatus.Complete)]
    [TestCase("if (true) {", IsCompleteStatus.Incomplete)]
    [TestCase("var x = ;", IsCompleteStatus.Invalid)]
    public void Completeness_follows_the_syntax(string code, IsCompleteStatus expected) =>
        Assert.That(_session.IsComplete(code), Is.EqualTo(expected));

    [Test]
    public async Task The_compilation_for_completion_sees_earlier_cells()
    {
        await Run("var zahl = 7;");
        var compilation = _session.CreateCompilationFor("zahl.");
        var symbols = compilation.GetSemanticModel(compilation.SyntaxTrees.Last()).LookupSymbols(0).Select(s => s.Name);
        Assert.That(symbols, Does.Contain("zahl").And.Contain("display"));
    }
}
