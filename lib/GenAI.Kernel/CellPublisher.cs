using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GenAI.Display;
using GenAI.Kernel.Protocol;
using GenAI.Notebooks;

namespace GenAI.Kernel;

/// <summary>
/// The outputs of one execute_request, published on iopub with the request as parent. Stream text is
/// buffered and sent in chunks (on a short timer, when another output follows, and at the end), so one
/// <c>Console.Write</c> per character does not become one message per character (docs/kernel-notes.md §5).
/// A silent request publishes nothing but still records an error for its reply.
/// </summary>
public sealed class CellPublisher : ICellOutput
{
    private static readonly TimeSpan StreamFlushDelay = TimeSpan.FromMilliseconds(50);

    private readonly JupyterKernel _kernel;
    private readonly JupyterMessage _request;
    private readonly bool _silent;
    private readonly bool _allowStdin;
    private readonly CancellationToken _cancellation;
    private readonly Lock _lock = new();
    private readonly StringBuilder _streamText = new();
    private readonly Timer _flushTimer;
    private string? _streamName;
    private bool _flushScheduled;

    internal CellPublisher(JupyterKernel kernel, JupyterMessage request, int executionCount, bool silent, bool allowStdin, CancellationToken cancellation)
    {
        _kernel = kernel;
        _request = request;
        ExecutionCount = executionCount;
        _silent = silent;
        _allowStdin = allowStdin;
        _cancellation = cancellation;
        _flushTimer = new Timer(_ => Flush());
    }

    /// <summary>The execution count shown next to this cell.</summary>
    public int ExecutionCount { get; }
    /// <summary>The error's name, once the cell reported one.</summary>
    public string? ErrorName { get; private set; }
    /// <summary>The error's message.</summary>
    public string ErrorValue { get; private set; } = "";
    /// <summary>The error's traceback lines.</summary>
    public IReadOnlyList<string> Traceback { get; private set; } = [];
    /// <summary>Plain text of the cell's result, for history requests with <c>output=true</c>.</summary>
    public string? ResultText { get; private set; }

    /// <summary>Appends text to stdout or stderr.</summary>
    public void Stream(string name, string text)
    {
        if (_silent || string.IsNullOrEmpty(text)) return;
        if (name is not ("stdout" or "stderr")) throw new ArgumentException($"stream name must be stdout or stderr, not '{name}'", nameof(name));
        lock (_lock)
        {
            if (_streamName != null && _streamName != name) FlushLocked();
            _streamName = name;
            _streamText.Append(text);
            if (!_flushScheduled)
            {
                _flushScheduled = true;
                _flushTimer.Change(StreamFlushDelay, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Shows a value as display_data; with <paramref name="displayId"/> it can later be updated in place.</summary>
    public void Display(MimeBundle bundle, string? displayId)
    {
        var content = BundleContent(bundle);
        content["transient"] = displayId is null ? new JsonObject() : new JsonObject { ["display_id"] = displayId };
        PublishInOrder("display_data", content);
    }

    /// <summary>Replaces the display with <paramref name="displayId"/> (update_display_data), e.g. a progress view.</summary>
    public void UpdateDisplay(MimeBundle bundle, string displayId)
    {
        var content = BundleContent(bundle);
        content["transient"] = new JsonObject { ["display_id"] = displayId };
        PublishInOrder("update_display_data", content);
    }

    /// <summary>The value of the cell's last expression (execute_result).</summary>
    public void Result(MimeBundle bundle)
    {
        ResultText = bundle.TryGetValue(MimeBundle.TextPlain, out var text) ? text : null;
        var content = BundleContent(bundle);
        content["execution_count"] = ExecutionCount;
        PublishInOrder("execute_result", content);
    }

    /// <summary>Reports the cell's error; the execute_reply then carries status error with the same fields.</summary>
    public void Error(string ename, string evalue, IReadOnlyList<string> traceback)
    {
        ErrorName = ename;
        ErrorValue = evalue;
        Traceback = traceback;
        PublishInOrder("error", new JsonObject
        {
            ["ename"] = ename, ["evalue"] = evalue, ["traceback"] = new JsonArray([.. traceback.Select(t => (JsonNode?)t)]),
        });
    }

    /// <summary>
    /// Asks the client for a line of input (Console.ReadLine). Null when the client does not allow
    /// stdin (nbclient, nbconvert); an interrupt cancels the wait.
    /// </summary>
    public string? ReadLine(string prompt, bool password)
    {
        if (!_allowStdin) return null;
        Flush();   // the prompt's preceding output must be visible before the client asks
        return _kernel.RequestInput(_request, prompt, password, _cancellation);
    }

    /// <summary>Sends buffered stream text now.</summary>
    public void Flush()
    {
        lock (_lock) FlushLocked();
    }

    internal void Complete()
    {
        Flush();
        _flushTimer.Dispose();
    }

    private void FlushLocked()
    {
        _flushScheduled = false;
        if (_streamText.Length == 0 || _streamName is null) return;
        _kernel.Publish("stream", _request.RawHeader, new JsonObject { ["name"] = _streamName, ["text"] = _streamText.ToString() });
        _streamText.Clear();
    }

    private void PublishInOrder(string msgType, JsonObject content)
    {
        if (_silent) return;
        lock (_lock)
        {
            FlushLocked();
            _kernel.Publish(msgType, _request.RawHeader, content);
        }
    }

    /// <summary>data and metadata of a MIME bundle; JSON MIME types carry JSON objects, not strings (protocol 5.0).</summary>
    internal static JsonObject BundleContent(MimeBundle bundle)
    {
        var data = new JsonObject();
        foreach (var (mime, value) in bundle)
            data[mime] = IsJsonMime(mime) && TryParseJson(value) is { } json ? json : JsonValue.Create(value);
        var metadata = new JsonObject();
        foreach (var (mime, value) in bundle.Metadata)
            metadata[mime] = JsonSerializer.SerializeToNode(value, value.GetType());
        return new JsonObject { ["data"] = data, ["metadata"] = metadata };
    }

    private static bool IsJsonMime(string mime) => mime == "application/json" || mime.EndsWith("+json", StringComparison.Ordinal);

    private static JsonNode? TryParseJson(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
