using System.Text;
using GenAI.Display;
using GenAI.Notebooks.Scripting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Scripting.Hosting;

namespace GenAI.Notebooks;

/// <summary>
/// One notebook's C# state: a chain of Roslyn script submissions, one per executed cell, so variables,
/// types and <c>using</c>s carry from cell to cell (as in Polyglot Notebooks). A cell that fails to
/// compile, throws or is interrupted leaves the session as it was before the cell.
/// Cells run one at a time, each on its own thread (the steps of running one: ScriptSession.Execution.cs).
/// </summary>
public sealed partial class ScriptSession : IDisposable
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Script);
    private static readonly Lazy<Task> WarmUp = new(() => Task.Run(WarmUpCore));
    // One set of framework references for every session: Roslyn keeps the metadata it read, and the
    // symbols it built from it, on the reference objects, so the second session (and the first cell
    // after the warm-up) does not read and bind the framework again.
    private static readonly Lazy<ScriptOptions> BaseOptions = new(CreateBaseOptions);
    private static int _progressInstalled;

    private readonly NotebookReferenceResolver _resolver;
    private readonly PackageRestorer _packages;
    private ScriptOptions _options;   // grows by the assemblies of restored packages
    private readonly HashSet<string> _packageAssemblies = new(StringComparer.Ordinal);
    private readonly InteractiveAssemblyLoader _loader = new();
    private readonly ScriptGlobals _globals = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ScriptState<object>? _state;
    private int _executions;
    private readonly bool _warmUp;   // its cells never become the fallback target of Console output

    /// <summary>Starts an empty session; <c>#r</c> paths resolve relative to <paramref name="workingDirectory"/>.</summary>
    public ScriptSession(string workingDirectory) : this(workingDirectory, warmUp: false) { }

    private ScriptSession(string workingDirectory, bool warmUp)
    {
        _warmUp = warmUp;
        WorkingDirectory = Path.GetFullPath(workingDirectory);
        _packages = new PackageRestorer(WorkingDirectory);
        _resolver = new NotebookReferenceResolver(WorkingDirectory);
        _options = CreateOptions(_resolver);
        InstallProgressFactory();
        InteractiveDisplays.Install();
    }

    /// <summary>The notebook's folder.</summary>
    public string WorkingDirectory { get; }

    /// <summary>
    /// Runs two throw-away cells through a session of its own on a background thread, so Roslyn's code
    /// (jitted or ReadyToRun) and the shared framework references are warm while the host reads its
    /// notebook or waits for the first request. Call it as early as possible; repeated calls share one run.
    /// </summary>
    public static Task WarmUpAsync() => WarmUp.Value;

    private static async Task WarmUpCore()
    {
        using var session = new ScriptSession(Path.GetTempPath(), warmUp: true);
        var output = new DiscardingOutput();
        await session.ExecuteAsync("var warm = new List<int> { 1 }; warm.Count", output, CancellationToken.None).ConfigureAwait(false);
        await session.ExecuteAsync("for (int i = 0; i < 2; i++) warm.Add(i);\nwarm.Select(x => x + 1).Sum()", output, CancellationToken.None)
            .ConfigureAwait(false);
    }

    private sealed class DiscardingOutput : ICellOutput
    {
        public void Stream(string name, string text) { }
        public void Display(MimeBundle bundle, string? displayId) { }
        public void UpdateDisplay(MimeBundle bundle, string displayId) { }
        public void Result(MimeBundle bundle) { }
        public void Error(string ename, string evalue, IReadOnlyList<string> traceback) { }
        public string? ReadLine(string prompt, bool password) => null;
    }

    private static ScriptOptions CreateOptions(NotebookReferenceResolver resolver) =>
        BaseOptions.Value
            .WithMetadataResolver(resolver)
            .WithSourceResolver(new SourceFileResolver([], resolver.BaseDirectory));

    private static ScriptOptions CreateBaseOptions() =>
        ScriptOptions.Default
            .AddReferences(
                typeof(Enumerable).Assembly,
                typeof(Queue<>).Assembly,
                typeof(System.Collections.Concurrent.ConcurrentDictionary<,>).Assembly,
                typeof(System.Text.RegularExpressions.Regex).Assembly,
                typeof(System.Numerics.BigInteger).Assembly,
                typeof(System.Text.Json.JsonSerializer).Assembly,
                typeof(System.Net.WebUtility).Assembly,
                typeof(System.Net.Http.HttpClient).Assembly,
                // Roslyn adds the globals type's assembly only under a hidden alias; the loop checks need it by name.
                typeof(ScriptSession).Assembly)
            .AddReferences(InteractiveFormattingReference())
            .AddImports("System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Text",
                "System.Threading", "System.Threading.Tasks")
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithAllowUnsafe(true)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8);

    // .NET Interactive's Formatting assembly (GenAI.dll depends on it, so it lies beside the host) as a compile
    // reference, by path: x.Display(), xs.DisplayTable() (its System.DisplayExtensions) and
    // "using Microsoft.DotNet.Interactive.Formatting; Formatter.Register(…)" compile as in Polyglot Notebooks,
    // and the assembly loads only when a cell uses it (InteractiveDisplays routes its displays into the cell).
    private static MetadataReference[] InteractiveFormattingReference()
    {
        var folder = Path.GetDirectoryName(typeof(MimeBundle).Assembly.Location) ?? AppContext.BaseDirectory;
        var path = Path.Combine(folder, "Microsoft.DotNet.Interactive.Formatting.dll");
        return File.Exists(path) ? [MetadataReference.CreateFromFile(path)] : [];
    }

    /// <summary>Routes library progress (<see cref="Progress.Start"/>) into the running cell, else to the previous factory.</summary>
    private static void InstallProgressFactory()
    {
        if (Interlocked.Exchange(ref _progressInstalled, 1) == 1) return;
        var fallback = Progress.Factory;
        Progress.Factory = label => CellContext.Current is { } cell ? new CellProgressView(cell, label) : fallback(label);
    }

    /// <summary>
    /// The compilation the next cell would get if it contained <paramref name="code"/>: for completion,
    /// hover and signature help in the kernel. Positions in <paramref name="code"/> are kept.
    /// </summary>
    public Compilation CreateCompilationFor(string code)
    {
        var normalized = CellSource.Normalize(code ?? "");
        var state = _state;
        var script = state is null
            ? CSharpScript.Create<object>(normalized, _options, typeof(ScriptGlobals), _loader)
            : state.Script.ContinueWith<object>(normalized, _options);
        return script.GetCompilation();
    }

    /// <summary>Whether <paramref name="code"/> is a complete submission (Roslyn's syntax check, no compilation).</summary>
    public IsCompleteStatus IsComplete(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(CellSource.Normalize(code ?? ""), ParseOptions);
        if (!SyntaxFactory.IsCompleteSubmission(tree)) return IsCompleteStatus.Incomplete;
        return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) ? IsCompleteStatus.Invalid : IsCompleteStatus.Complete;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _loader.Dispose();
        _gate.Dispose();
        _packages.Dispose();
    }
}
