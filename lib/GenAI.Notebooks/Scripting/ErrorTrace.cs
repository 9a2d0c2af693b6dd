using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace GenAI.Notebooks.Scripting;

/// <summary>
/// Turns compiler diagnostics and exceptions into Jupyter <c>error</c> outputs a learner can read:
/// German compiler messages with the cell line, and stack traces that name cell lines and library
/// methods but none of Roslyn's submission plumbing or the runtime's async machinery.
/// </summary>
internal static class ErrorTrace
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private const int MaxFrames = 12;

    public sealed record Formatted(string Name, string Value, IReadOnlyList<string> Traceback);

    public static Formatted FromDiagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var lines = errors.Select(Describe).ToList();
        return new Formatted("Kompilierfehler", lines.Count > 0 ? lines[0] : "", lines);
    }

    private static string Describe(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        var where = d.Location.IsInSource ? $"Zeile {span.StartLinePosition.Line + 1}, Spalte {span.StartLinePosition.Character + 1}: " : "";
        return $"{where}{d.Id}: {d.GetMessage(German)}";
    }

    /// <summary>
    /// Formats <paramref name="exception"/>; <paramref name="cellPaths"/> maps the file a submission was compiled under
    /// to how the learner knows the cell.
    /// </summary>
    public static Formatted FromException(Exception exception, Func<string, string> cellPaths)
    {
        while (exception is TargetInvocationException { InnerException: { } inner }) exception = inner;
        if (exception is AggregateException { InnerExceptions.Count: 1 } aggregate) exception = aggregate.InnerExceptions[0];
        var name = exception.GetType().Name;
        var message = Message(exception);
        var lines = new List<string> { $"{name}: {message}" };
        if (Hint(exception) is { } hint) lines.Add(hint);
        AddFrames(exception, cellPaths, lines);
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            lines.Add($" ---> {inner.GetType().Name}: {Message(inner)}");
            AddFrames(inner, cellPaths, lines);
        }
        return new Formatted(name, message, lines);
    }

    /// <summary>
    /// libtorch appends "Exception raised from …" and dozens of native frames (C++ symbols, library
    /// addresses) to its messages; the learner needs the first part, which names the shapes.
    /// </summary>
    internal static string Message(Exception exception)
    {
        var message = exception.Message;
        int native = message.IndexOf("\nException raised from ", StringComparison.Ordinal);
        return native < 0 ? message : message[..native].TrimEnd();
    }

    /// <summary>A German next step for failures whose cause is not the cell's code.</summary>
    private static string? Hint(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is TypeInitializationException { TypeName: var type } && type.StartsWith("TorchSharp", StringComparison.Ordinal))
                return "Hinweis: TorchSharps native Bibliothek (libtorch) ließ sich nicht laden. Baue die Kursbibliothek neu "
                       + "(dotnet build lib/GenAI -c Release) und lade sie mit #r \"../artifacts/bin/GenAI/lib/GenAI.dll\"; "
                       + "die README erklärt im Abschnitt zu TorchSharp, welche Plattformen unterstützt sind.";
        }
        return null;
    }

    private static void AddFrames(Exception exception, Func<string, string> cellPaths, List<string> lines)
    {
        int shown = 0;
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            if (Describe(frame, cellPaths) is not { } text) continue;
            if (lines.Count > 0 && lines[^1] == text) continue;  // async state machines repeat frames
            if (++shown > MaxFrames) { lines.Add("   …"); break; }
            lines.Add(text);
        }
    }

    private static string? Describe(StackFrame frame, Func<string, string> cellPaths)
    {
        var method = frame.GetMethod();
        var type = method?.DeclaringType;
        if (method is null || type is null) return null;
        var assembly = type.Assembly.GetName().Name ?? "";
        if (assembly.StartsWith('\u211B'))  // Roslyn names submission assemblies "ℛ*<guid>#…"
        {
            var file = frame.GetFileName();
            int line = frame.GetFileLineNumber();
            if (file is null || line <= 0) return null;
            var member = UserMemberName(method);
            return $"   in {cellPaths(file)}, Zeile {line}{(member is null ? "" : $" ({member})")}";
        }
        if (IsPlumbing(type, assembly)) return null;
        var typeName = (type.IsNested && type.Name.StartsWith('<') ? type.DeclaringType! : type).FullName ?? type.Name;
        var methodName = method.Name.StartsWith('<') || method.Name == "MoveNext" ? OriginalAsyncName(type) ?? method.Name : method.Name;
        return $"   in {typeName}.{methodName}";
    }

    private static bool IsPlumbing(Type type, string assembly) =>
        assembly.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
        || assembly.StartsWith("GenAI.Notebooks", StringComparison.Ordinal)
        || (type.Namespace ?? "").StartsWith("System.Runtime.CompilerServices", StringComparison.Ordinal)
        || (type.Namespace ?? "").StartsWith("System.Threading", StringComparison.Ordinal)
        || (type.Namespace ?? "").StartsWith("System.Reflection", StringComparison.Ordinal);

    /// <summary>A method the learner wrote (not the compiler's submission entry or lambda names).</summary>
    private static string? UserMemberName(MethodBase method)
    {
        var name = method.Name == "MoveNext" ? OriginalAsyncName(method.DeclaringType!) : method.Name;
        if (name is null || name.StartsWith('<') || name.Contains("Initialize", StringComparison.Ordinal)) return null;
        return name;
    }

    /// <summary>Async/iterator state machines are nested types named <c>&lt;Method&gt;d__N</c>.</summary>
    private static string? OriginalAsyncName(Type stateMachine)
    {
        var n = stateMachine.Name;
        int close = n.IndexOf('>', StringComparison.Ordinal);
        return n.StartsWith('<') && close > 1 ? n[1..close] : null;
    }
}
