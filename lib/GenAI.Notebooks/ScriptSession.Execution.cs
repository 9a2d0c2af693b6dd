using System.Diagnostics;
using GenAI.Core;
using GenAI.Display;
using GenAI.Notebooks.Scripting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace GenAI.Notebooks;

// Running one cell: validate, restore packages, compile, run interruptibly, report.
public sealed partial class ScriptSession
{
    private static readonly TimeSpan InterruptGrace = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Runs one cell. Outputs go to <paramref name="output"/> in order; the last expression's value
    /// becomes a result; an error becomes an <c>error</c> output (never an exception from this method).
    /// Cancelling <paramref name="cancellationToken"/> interrupts the cell, even inside a tight loop.
    /// </summary>
    public async Task<CellRunResult> ExecuteAsync(string code, ICellOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(output);
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            return await ExecuteCoreAsync(code, output, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<CellRunResult> ExecuteCoreAsync(string code, ICellOutput output, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        int number = ++_executions;
        ConsoleRouter.EnsureInstalled();
        var cell = new CellContext(output, cancellationToken, isFallback: !_warmUp);
        try
        {
            var normalized = CellSource.Normalize(code);
            if (CellSource.Problem(normalized, _resolver) is { } problem)
                return Fail(cell, CellRunStatus.Error, new("Zellenfehler", problem, [problem]), stopwatch);
            if (await RestorePackagesAsync(code, cell, cancellationToken).ConfigureAwait(false) is { } restoreError)
                return Fail(cell, CellRunStatus.Error, new("NuGet", restoreError, [restoreError]), stopwatch);
            if (string.IsNullOrWhiteSpace(normalized)) return new CellRunResult(CellRunStatus.Ok, stopwatch.Elapsed);

            if (Compile(normalized, number, out var compileError) is not { } script)
                return Fail(cell, CellRunStatus.Error, compileError!, stopwatch);
            bool hasValue = HasResultValue(script.GetCompilation());

            if (await RunInterruptibleAsync(script, cell, cancellationToken).ConfigureAwait(false) is not { } state)
                return Fail(cell, CellRunStatus.Cancelled, new("Unterbrochen", OrphanedMessage, [OrphanedMessage]), stopwatch);
            cell.FlushStreams();
            if (state.Exception is { } exception)
                return FailWithException(cell, exception, number, cancellationToken, stopwatch);
            _state = state;
            return Succeed(cell, state, hasValue, code, stopwatch);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Failures outside the cell's own code: a dependency that does not load, a formatter that throws.
            return Fail(cell, CellRunStatus.Error, ErrorTrace.FromException(exception, file => CellName(file, number)), stopwatch);
        }
        finally
        {
            cell.Dispose();
        }
    }

    /// <summary>
    /// Restores the cell's <c>#r "nuget: …"</c> and <c>#i "nuget: …"</c> directives before compiling, so the
    /// references resolve, and adds the assemblies new to this session; the restore's error message, or null.
    /// </summary>
    private async Task<string?> RestorePackagesAsync(string code, CellContext cell, CancellationToken cancellationToken)
    {
        var packages = PackageDirectives.Packages(code);
        var sources = PackageDirectives.Sources(code);
        if (packages.Count == 0 && sources.Count == 0) return null;
        if (await _packages.RestoreAsync(packages, sources, cell, cancellationToken).ConfigureAwait(false) is { } restoreError)
            return restoreError;
        var added = _packages.Assemblies.Where(_packageAssemblies.Add).ToList();
        if (added.Count > 0) _options = _options.AddReferences(added.Select(NotebookReferenceResolver.PackageReference));
        return null;
    }

    /// <summary>
    /// Parses the cell, gives its loops interrupt checks and its TorchSharp matmul calls shape checks, and emits
    /// and loads it as the next submission; null with <paramref name="errors"/> set when it does not compile.
    /// </summary>
    private Script<object>? Compile(string normalized, int number, out ErrorTrace.Formatted? errors)
    {
        errors = null;
        var tree = CSharpSyntaxTree.ParseText(normalized, ParseOptions, cancellationToken: CancellationToken.None);
        var text = tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) ? normalized : LoopRewriter.Rewrite(tree);
        var options = _options.WithFilePath(CellPath(number));
        var script = Submission(text, options);
        // TorchSharp's matmul aborts the process on a shape mismatch: bind the cell and route its
        // TorchSharp matmul calls through a shape check (only cells that mention matmul pay for this).
        if (MatmulRewriter.Applies(text) && MatmulRewriter.Rewrite(script.GetCompilation()) is { } checkedText)
            script = Submission(checkedText, options);
        // Emit and load once. Script.Compile() would do the same and then bind the whole submission
        // a second time to collect warnings, which no one here shows (a third of a trivial cell's time).
        try
        {
            script.CreateDelegate(CancellationToken.None);
        }
        catch (CompilationErrorException e)
        {
            errors = ErrorTrace.FromDiagnostics(e.Diagnostics);
            return null;
        }
        return script;
    }

    /// <summary>The first cell starts the chain of submissions, every later one continues it.</summary>
    private Script<object> Submission(string text, ScriptOptions options) =>
        _state is null
            ? CSharpScript.Create<object>(text, options, typeof(ScriptGlobals), _loader)
            : _state.Script.ContinueWith<object>(text, options);

    private const string OrphanedMessage =
        "Die Zelle reagiert nicht auf die Unterbrechung und läuft im Hintergrund weiter. " +
        "Die Variablen dieser Zelle gehen verloren; starte den Kernel neu, wenn sie Rechenzeit blockiert.";

    /// <summary>
    /// Runs the compiled cell on a thread of its own. Cancelling <paramref name="cancellationToken"/> makes the
    /// cell's loop checks throw; a cell that does not stop within <see cref="InterruptGrace"/> is stuck in code
    /// without loop checks (a long library call): it keeps running in the background, the session goes on from
    /// its state before the cell, and this returns null.
    /// </summary>
    private async Task<ScriptState<object>?> RunInterruptibleAsync(
        Script<object> script, CellContext cell, CancellationToken cancellationToken)
    {
        var previous = _state;
        var run = Task.Factory.StartNew(() =>
        {
            cell.Enter();
            return previous is null
                ? script.RunAsync(_globals, _ => true, CancellationToken.None)
                : script.RunFromAsync(previous, _ => true, CancellationToken.None);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

        ScriptState<object> state;
        bool interruptRequested = false;
        using (cancellationToken.Register(() => { interruptRequested = true; Interrupt.Requested(); }))
        {
            var interrupted = Task.Delay(Timeout.Infinite, cancellationToken);
            if (await Task.WhenAny(run, interrupted).ConfigureAwait(false) != run
                && await Task.WhenAny(run, Task.Delay(InterruptGrace, CancellationToken.None)).ConfigureAwait(false) != run)
                return null;   // orphaned: its interrupt stays pending, so its next loop check still stops it
            state = await run.ConfigureAwait(false);
        }
        if (interruptRequested) Interrupt.Finished();
        return state;
    }

    /// <summary>The cell threw: an interrupt is reported as such (with the line it stopped at), anything else as an error.</summary>
    private CellRunResult FailWithException(
        CellContext cell, Exception exception, int number, CancellationToken cancellationToken, Stopwatch stopwatch)
    {
        var formatted = ErrorTrace.FromException(exception, file => CellName(file, number));
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            var lines = new List<string> { "Die Ausführung wurde unterbrochen." };
            lines.AddRange(formatted.Traceback.Skip(1));
            return Fail(cell, CellRunStatus.Cancelled, new("Unterbrochen", lines[0], lines), stopwatch);
        }
        return Fail(cell, CellRunStatus.Error, formatted, stopwatch);
    }

    /// <summary>The cell ran to the end: its value (if it ends in one) becomes the result, then #!time's wall time.</summary>
    private static CellRunResult Succeed(CellContext cell, ScriptState<object> state, bool hasValue, string code, Stopwatch stopwatch)
    {
        if (hasValue) cell.Result(Formatter.ToMimeBundle(state.ReturnValue));
        if (CellSource.WantsTime(code)) cell.Display(WallTime(stopwatch.Elapsed), null);
        return new CellRunResult(CellRunStatus.Ok, stopwatch.Elapsed);
    }

    /// <summary>True when the cell ends in an expression without semicolon whose type is not void (Roslyn's submission result).</summary>
    private static bool HasResultValue(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.Last();
        if (tree.GetRoot() is not CompilationUnitSyntax root
            || root.Members.LastOrDefault() is not GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } statement })
            return false;
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }

    // Polyglot Notebooks' "#!time" prints "Wall time: 12.3456ms"; the same output, in the course's language and number format.
    private static MimeBundle WallTime(TimeSpan elapsed) =>
        MimeBundle.PlainText("Laufzeit (Wanduhr): " + GermanNumber.Format(elapsed.TotalMilliseconds, 1) + " ms");

    private static CellRunResult Fail(CellContext cell, CellRunStatus status, ErrorTrace.Formatted error, Stopwatch stopwatch)
    {
        cell.Error(error.Name, error.Value, error.Traceback);
        return new CellRunResult(status, stopwatch.Elapsed, error.Name, error.Value, error.Traceback);
    }

    private string CellPath(int number) => Path.Combine(WorkingDirectory, $"zelle-{number}.csx");

    private string CellName(string file, int current)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        if (name.StartsWith("zelle-", StringComparison.Ordinal) && int.TryParse(name.AsSpan(6), out int n))
            return n == current ? "dieser Zelle" : $"Zelle [{n}]";
        return Path.GetFileName(file);
    }
}
