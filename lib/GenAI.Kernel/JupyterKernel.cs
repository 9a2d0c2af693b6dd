using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using GenAI.Kernel.Protocol;
using GenAI.Kernel.Zmtp;

namespace GenAI.Kernel;

/// <summary>
/// A Jupyter kernel process: binds the five ports of a connection file, then serves shell and control
/// requests on two dedicated threads (so control is never queued behind a running cell) and publishes
/// side effects on iopub, each request bracketed by <c>status: busy</c> and <c>status: idle</c>.
/// The language engine is created in the background, so <c>kernel_info</c> is answered before the
/// compiler is warm (docs/kernel-notes.md §6).
/// </summary>
public sealed partial class JupyterKernel : IDisposable
{
    private readonly ConnectionInfo _connection;
    private readonly Action<string> _log;
    private readonly Task<IKernelEngine> _engine;
    private readonly BlockingCollection<JupyterMessage> _shellQueue = [];
    private readonly BlockingCollection<JupyterMessage> _controlQueue = [];
    private readonly TaskCompletionSource<bool> _shutdown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RouterSocket? _shell, _control, _stdin;
    private PubSocket? _iopub;
    private RepSocket? _heartbeat;
    private int _rejected;

    /// <summary>
    /// Prepares a kernel for <paramref name="connection"/>. <paramref name="engineFactory"/> runs on a
    /// background thread as soon as the ports are bound.
    /// </summary>
    public JupyterKernel(ConnectionInfo connection, Func<IKernelEngine> engineFactory, Action<string>? log = null)
    {
        _connection = connection;
        _log = log ?? (line => Console.Error.WriteLine("[genai-kernel] " + line));
        Session = new KernelSession(new MessageSigner(connection.Key, connection.SignatureScheme));
        _engine = new Task<IKernelEngine>(engineFactory, TaskCreationOptions.LongRunning);
    }

    /// <summary>The session (id, signer) of this kernel.</summary>
    public KernelSession Session { get; }

    /// <summary>Messages rejected so far (bad signature or malformed).</summary>
    public int RejectedMessages => Volatile.Read(ref _rejected);

    /// <summary>Ports actually bound (useful when the connection file asked for port 0).</summary>
    public ConnectionInfo BoundConnection { get; private set; } = null!;

    /// <summary>Binds all ports, starts serving, and returns. <see cref="WaitForShutdownAsync"/> waits for the end.</summary>
    public void Start()
    {
        var address = _connection.BindAddress;
        _shell = new RouterSocket(address, _connection.ShellPort, frames => Receive(frames, _shellQueue, "shell"), _log);
        _control = new RouterSocket(address, _connection.ControlPort, frames => Receive(frames, _controlQueue, "control"), _log);
        _stdin = new RouterSocket(address, _connection.StdinPort, ReceiveStdin, _log);
        _iopub = new PubSocket(address, _connection.IopubPort, _log);
        _heartbeat = new RepSocket(address, _connection.HbPort, _log);
        BoundConnection = _connection with
        {
            ShellPort = _shell.Port, ControlPort = _control.Port, StdinPort = _stdin.Port, IopubPort = _iopub.Port, HbPort = _heartbeat.Port,
        };
        Publish("status", null, new JsonObject { ["execution_state"] = "starting" });
        _engine.Start();
        StartWorker("shell", _shellQueue, _shell);
        StartWorker("control", _controlQueue, _control);
    }

    /// <summary>Completes when a client asked for shutdown; the result says whether it asked for a restart.</summary>
    public Task<bool> WaitForShutdownAsync() => _shutdown.Task;

    /// <summary>Lets queued iopub messages reach the clients (before the process exits).</summary>
    public Task FlushAsync(TimeSpan timeout) => _iopub?.DrainAsync(timeout) ?? Task.CompletedTask;

    private void StartWorker(string name, BlockingCollection<JupyterMessage> queue, RouterSocket socket)
    {
        // Dedicated threads: a cell spinning in `while (true) {}` occupies the shell thread, never a
        // thread-pool thread the socket readers (and thus interrupts) depend on.
        var thread = new Thread(() =>
        {
            foreach (var request in queue.GetConsumingEnumerable())
            {
                try
                {
                    Dispatch(request, socket);
                }
                catch (Exception e)
                {
                    _log($"{name}: {request.MsgType} failed: {e}");
                }
            }
        })
        { IsBackground = true, Name = "jupyter-" + name };
        thread.Start();
    }

    private void Receive(IReadOnlyList<byte[]> frames, BlockingCollection<JupyterMessage> queue, string channel)
    {
        if (Parse(frames, channel) is not { } message) return;
        // Interrupts are handled out of band on the reader thread: VS Code sends them on shell, where
        // they would otherwise wait behind the very cell they are meant to stop (docs/kernel-notes.md §4).
        if (message.MsgType == "interrupt_request")
        {
            _ = Task.Run(() => HandleInterrupt(message, channel == "shell" ? _shell! : _control!));
            return;
        }
        if (!queue.IsAddingCompleted) queue.Add(message);
    }

    private JupyterMessage? Parse(IReadOnlyList<byte[]> frames, string channel)
    {
        try
        {
            return WireFormat.Parse(frames, Session.Signer);
        }
        catch (InvalidMessageException e)
        {
            Interlocked.Increment(ref _rejected);
            _log($"{channel}: rejected a message: {e.Message}" + (e.IsSignatureError ? " (wrong key or forged message; not executed)" : ""));
            return null;
        }
    }

    private void Dispatch(JupyterMessage request, RouterSocket socket)
    {
        Publish("status", request.RawHeader, new JsonObject { ["execution_state"] = "busy" });
        try
        {
            switch (request.MsgType)
            {
                case "kernel_info_request": Reply(socket, request, "kernel_info_reply", KernelInfo.Reply()); break;
                case "execute_request": HandleExecute(request, socket); break;
                case "complete_request": HandleComplete(request, socket); break;
                case "inspect_request": HandleInspect(request, socket); break;
                case "is_complete_request": HandleIsComplete(request, socket); break;
                case "history_request": HandleHistory(request, socket); break;
                case "comm_info_request": Reply(socket, request, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() }); break;
                case "comm_open": HandleCommOpen(request); break;
                case "comm_msg" or "comm_close": break;   // no comm is ever open (we close every comm_open)
                case "shutdown_request": HandleShutdown(request, socket); break;
                default: _log($"unknown message type {request.MsgType}; ignored"); break;
            }
        }
        finally
        {
            Publish("status", request.RawHeader, new JsonObject { ["execution_state"] = "idle" });
        }
    }

    /// <summary>Publishes on iopub with topic <c>kernel.&lt;session&gt;.&lt;msg_type&gt;</c>, as ipykernel does.</summary>
    internal void Publish(string msgType, byte[]? parentHeader, JsonObject content, JsonObject? metadata = null)
    {
        var topic = Encoding.UTF8.GetBytes($"kernel.{Session.SessionId}.{msgType}");
        _iopub?.Publish(Session.Build([topic], msgType, parentHeader, content, metadata));
    }

    private void Reply(RouterSocket socket, JupyterMessage request, string msgType, JsonObject content, JsonObject? metadata = null) =>
        socket.SendAsync(Session.Build(request.Identities, msgType, request.RawHeader, content, metadata)).GetAwaiter().GetResult();

    private IKernelEngine Engine => _engine.GetAwaiter().GetResult();

    private void HandleCommOpen(JupyterMessage request)
    {
        // No comm targets exist: tell the frontend the comm is closed so widgets fail visibly, not silently.
        var commId = request.GetString("comm_id");
        Publish("comm_close", request.RawHeader, new JsonObject { ["comm_id"] = commId, ["data"] = new JsonObject() });
    }

    private void HandleShutdown(JupyterMessage request, RouterSocket socket)
    {
        bool restart = request.GetBool("restart", false);
        var content = new JsonObject { ["status"] = "ok", ["restart"] = restart };
        Reply(socket, request, "shutdown_reply", content);
        // ipykernel also publishes the reply on iopub; VS Code listens for it there.
        Publish("shutdown_reply", request.RawHeader, (JsonObject)content.DeepClone());
        Interrupt();
        _shutdown.TrySetResult(restart);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _shellQueue.CompleteAdding();
        _controlQueue.CompleteAdding();
        _shell?.Dispose();
        _control?.Dispose();
        _stdin?.Dispose();
        _iopub?.Dispose();
        _heartbeat?.Dispose();
        if (_engine.IsCompletedSuccessfully) _engine.Result.Dispose();
    }
}
