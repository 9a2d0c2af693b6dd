using System.Text.Json.Nodes;
using GenAI.Kernel.Protocol;
using GenAI.Kernel.Zmtp;

namespace GenAI.Kernel;

public sealed partial class JupyterKernel
{
    private readonly Lock _executionLock = new();
    private readonly ExecutionHistory _history = new();
    private CancellationTokenSource? _running;
    private TaskCompletionSource<string>? _pendingInput;
    private int _executionCount;

    private void HandleExecute(JupyterMessage request, RouterSocket socket)
    {
        string code = request.GetString("code");
        bool silent = request.GetBool("silent", false);
        bool storeHistory = request.GetBool("store_history", !silent) && !silent;
        bool allowStdin = request.GetBool("allow_stdin", true);
        // messaging.rst: the counter advances once per execute_request that stores history, never when silent.
        if (storeHistory) _executionCount++;
        int count = _executionCount;
        if (!silent) Publish("execute_input", request.RawHeader, new JsonObject { ["code"] = code, ["execution_count"] = count });

        using var cancellation = new CancellationTokenSource();
        var output = new CellPublisher(this, request, count, silent, allowStdin, cancellation.Token);
        lock (_executionLock) _running = cancellation;
        try
        {
            Engine.ExecuteAsync(code, output, cancellation.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            if (output.ErrorName is null)
                output.Error(nameof(OperationCanceledException), "Die Ausführung wurde unterbrochen.",
                    ["OperationCanceledException: Die Ausführung wurde unterbrochen."]);
        }
        catch (Exception e)
        {
            // The engine itself failed (not the user's code, which reports through output.Error):
            // the kernel stays up and the cell shows why.
            _log($"engine failure: {e}");
            output.Error(e.GetType().Name, e.Message, [e.ToString()]);
        }
        finally
        {
            lock (_executionLock) _running = null;
            output.Complete();
        }

        if (storeHistory) _history.Add(count, code, output.ResultText);
        JsonObject reply = output.ErrorName is { } ename
            ? new JsonObject
            {
                ["status"] = "error", ["execution_count"] = count,
                ["ename"] = ename, ["evalue"] = output.ErrorValue, ["traceback"] = new JsonArray([.. output.Traceback.Select(t => (JsonNode?)t)]),
            }
            : new JsonObject
            {
                ["status"] = "ok", ["execution_count"] = count, ["user_expressions"] = new JsonObject(), ["payload"] = new JsonArray(),
            };
        Reply(socket, request, "execute_reply", reply);
    }

    /// <summary>
    /// Stops the running cell (it gets an error reply and the kernel keeps its state) and any pending
    /// <c>Console.ReadLine</c>. Called for interrupt_request on either channel and for SIGINT.
    /// </summary>
    public void Interrupt()
    {
        lock (_executionLock) _running?.Cancel();
        Volatile.Read(ref _pendingInput)?.TrySetCanceled();
    }

    private void HandleInterrupt(JupyterMessage request, RouterSocket socket)
    {
        Publish("status", request.RawHeader, new JsonObject { ["execution_state"] = "busy" });
        try
        {
            Interrupt();
            Reply(socket, request, "interrupt_reply", new JsonObject { ["status"] = "ok" });
        }
        catch (Exception e)
        {
            _log($"interrupt failed: {e}");
        }
        finally
        {
            Publish("status", request.RawHeader, new JsonObject { ["execution_state"] = "idle" });
        }
    }

    private void ReceiveStdin(IReadOnlyList<byte[]> frames)
    {
        if (Parse(frames, "stdin") is { MsgType: "input_reply" } reply)
            Volatile.Read(ref _pendingInput)?.TrySetResult(reply.GetString("value"));
    }

    /// <summary>
    /// Sends input_request on stdin to the connection with the shell request's identity (clients give
    /// shell and stdin the same identity, messaging.rst) and blocks until input_reply or an interrupt.
    /// Returns null when no stdin connection with that identity exists.
    /// </summary>
    internal string? RequestInput(JupyterMessage request, string prompt, bool password, CancellationToken cancellationToken)
    {
        var pending = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _pendingInput, pending);
        try
        {
            var message = Session.Build(request.Identities, "input_request", request.RawHeader,
                new JsonObject { ["prompt"] = prompt, ["password"] = password });
            if (!_stdin!.SendAsync(message).GetAwaiter().GetResult()) return null;
            using var registration = cancellationToken.Register(() => pending.TrySetCanceled(cancellationToken));
            return pending.Task.GetAwaiter().GetResult();
        }
        finally
        {
            Interlocked.CompareExchange(ref _pendingInput, null, pending);
        }
    }

    private void HandleHistory(JupyterMessage request, RouterSocket socket)
    {
        var items = _history.Query(
            request.GetString("hist_access_type", "tail"), request.GetBool("output", false),
            request.GetInt("session", 0), request.GetInt("start", 0), request.GetInt("stop", int.MaxValue),
            request.GetInt("n", 10), request.GetString("pattern", "*"), request.GetBool("unique", false));
        Reply(socket, request, "history_reply", new JsonObject { ["status"] = "ok", ["history"] = items });
    }
}
