using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Cli.Bench;

/// <summary>
/// <c>genai bench torch</c>: times one training step of the reference VAE (784-400-20 encoder with ReLU and
/// μ/logvar heads, 20-400-784 decoder with sigmoid, BCE(sum) + KL, Adam 1e-3, batch 128) on synthetic data
/// in TorchSharp — written out as PyTorch's examples/vae does, and through the course's own
/// <see cref="GenAI.Models.Vae"/> and <see cref="GenAI.Models.VaeLoss"/> — with one thread and all cores, and
/// runs the identical step in PyTorch with <c>/usr/bin/python3</c> in the same run. Reports medians, ratios
/// (target: TorchSharp ≤ 0.6 × PyTorch) and the process's resident memory before and after.
/// </summary>
public sealed class BenchTorchCommand : IBenchCommand
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    /// <inheritdoc/>
    public Command Build()
    {
        var steps = new Option<int>("--steps") { Description = "Timed steps per configuration (median is reported).", DefaultValueFactory = _ => 100 };
        var noReference = new Option<bool>("--no-reference") { Description = "Skip the PyTorch run." };
        var torchCmd = new Command("torch", "Time the reference VAE training step in TorchSharp and PyTorch on this machine.") { steps, noReference };
        torchCmd.SetAction(parse => Run(parse.GetValue(steps), parse.GetValue(noReference)));
        return torchCmd;   // mounted under `genai bench` by BenchCommand
    }

    private static int Run(int steps, bool noReference)
    {
        int cores = Environment.ProcessorCount;
        Console.WriteLine(
            $"TorchSharp {typeof(torch).Assembly.GetName().Version} with LibTorch {torch.__version__} — {cores} cores, .NET {Environment.Version}");
        Console.WriteLine("The machine may be shared with other jobs: numbers are medians; compare ratios, not single runs.");
        Console.WriteLine($"VAE training step (784-400-20-400-784, BCE sum + KL, Adam 1e-3, batch 128), {steps} timed steps after 10 warm-up steps:");
        var threadCounts = new[] { 1, cores }.Distinct().ToArray();
        var raw = new Dictionary<int, Result> { [1] = TimeSteps(1, steps, RawStep()) };
        long rssBefore = Environment.WorkingSet; // libtorch is loaded and warm now
        foreach (var t in threadCounts.Skip(1)) raw[t] = TimeSteps(t, steps, RawStep());
        var course = threadCounts.ToDictionary(t => t, t => TimeSteps(t, steps, CourseStep()));
        foreach (var t in threadCounts)
        {
            Console.WriteLine(string.Create(Ci,
                $"  TorchSharp, written out,     {t} thread(s): {raw[t].Median,6:F2} ms/step wall (min {raw[t].Min:F2}), {raw[t].CpuMedian,6:F2} ms/step CPU"));
            Console.WriteLine(string.Create(Ci,
                $"  TorchSharp, GenAI.Models.Vae, {t} thread(s): {course[t].Median,6:F2} ms/step wall (min {course[t].Min:F2}), "
                + $"{course[t].CpuMedian,6:F2} ms/step CPU"));
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long rssAfter = Environment.WorkingSet;
        // glibc keeps freed blocks in per-thread arenas; trimming shows what is still really in use.
        if (OperatingSystem.IsLinux()) malloc_trim(0);
        Console.WriteLine(string.Create(Ci,
            $"  resident memory: {rssBefore / 1048576.0:F0} MB before, "
            + $"{rssAfter / 1048576.0:F0} MB after {(threadCounts.Length * 2 - 1) * (steps + 10)} more steps, "
            + $"{Environment.WorkingSet / 1048576.0:F0} MB once the allocator returns its free blocks"));
        torch.set_num_threads(cores);

        if (noReference) return 0;
        var (py, why) = RunPyTorch(steps);
        if (py is null)
        {
            Console.WriteLine($"  PyTorch: skipped ({why})");
            return 0;
        }
        var r = py.Value;
        Console.WriteLine($"  PyTorch {r.Version}:");
        Console.WriteLine(string.Create(Ci,
            $"  PyTorch,                      1 thread(s): {r.Median1,6:F2} ms/step wall (min {r.Min1:F2}), {r.Cpu1,6:F2} ms/step CPU"));
        if (r.Median2 > 0)
            Console.WriteLine(string.Create(Ci, $"  PyTorch,                      {cores} thread(s): {r.Median2,6:F2} ms/step wall (min {r.Min2:F2})"));
        Console.WriteLine(string.Create(Ci,
            $"  Ratio TorchSharp / PyTorch, 1 thread (target ≤ 0.6): written out ×{raw[1].Median / r.Median1:F2} wall, ×{raw[1].CpuMedian / r.Cpu1:F2} CPU; "
            + $"GenAI.Models.Vae ×{course[1].Median / r.Median1:F2} wall, ×{course[1].CpuMedian / r.Cpu1:F2} CPU"));
        if (cores > 1 && r.Median2 > 0)
            Console.WriteLine(string.Create(Ci,
                $"  Ratio TorchSharp / PyTorch, {cores} threads: written out ×{raw[cores].Median / r.Median2:F2} wall; "
                + $"GenAI.Models.Vae ×{course[cores].Median / r.Median2:F2} wall"));
        return 0;
    }

    private sealed record Result(double Median, double Min, double CpuMedian);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int malloc_trim(nuint pad);

    /// <summary>
    /// CPU time of the whole process in ms. On a machine shared with other jobs, wall time includes the
    /// time spent waiting for a core; CPU time does not (with several threads it adds up their time).
    /// </summary>
    private static double ProcessCpuMs() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;

    /// <summary>The reference VAE (Kingma &amp; Welling 2014) as PyTorch's examples/vae writes it.</summary>
    private sealed class ReferenceVae : nn.Module<Tensor, (Tensor recon, Tensor mu, Tensor logvar)>
    {
        private readonly Linear fc1 = nn.Linear(784, 400), fc21 = nn.Linear(400, 20), fc22 = nn.Linear(400, 20),
            fc3 = nn.Linear(20, 400), fc4 = nn.Linear(400, 784);

        public ReferenceVae() : base("VAE") => RegisterComponents();

        public override (Tensor recon, Tensor mu, Tensor logvar) forward(Tensor x)
        {
            var h = fc1.forward(x).relu();                                // (128, 400)
            var mu = fc21.forward(h); var logvar = fc22.forward(h);       // (128, 20) each
            var z = mu + randn_like(mu) * (logvar * 0.5).exp();           // z = μ + ε·σ
            return (fc4.forward(fc3.forward(z).relu()).sigmoid(), mu, logvar); // (128, 784)
        }
    }

    private static Func<Action> RawStep() => () =>
    {
        var model = new ReferenceVae();
        var opt = optim.Adam(model.parameters(), lr: 1e-3);
        var x = rand(128, 784);
        return () =>
        {
            using var scope = NewDisposeScope();
            var (recon, mu, logvar) = model.forward(x);
            var bce = nn.functional.binary_cross_entropy(recon, x, reduction: nn.Reduction.Sum);
            var kld = (1 + logvar - mu.pow(2) - logvar.exp()).sum() * -0.5;
            var loss = bce + kld;
            opt.zero_grad();
            loss.backward();
            opt.step();
        };
    };

    private static Func<Action> CourseStep() => () =>
    {
        var model = new GenAI.Models.Vae();
        var opt = optim.Adam(model.parameters(), lr: 1e-3);
        var x = rand(128, 784);
        return () =>
        {
            using var scope = NewDisposeScope();
            var loss = model.Loss(x);
            opt.zero_grad();
            loss.Total.backward();
            opt.step();
        };
    };

    private static Result TimeSteps(int threads, int steps, Func<Action> setup)
    {
        set_num_threads(threads);
        manual_seed(1);
        var step = setup();
        for (int i = 0; i < 10; i++) step();
        var times = new double[steps];
        var cpu = new double[steps];
        for (int i = 0; i < steps; i++)
        {
            double c0 = ProcessCpuMs();
            long t0 = Stopwatch.GetTimestamp();
            step();
            times[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            cpu[i] = ProcessCpuMs() - c0;
        }
        Array.Sort(times);
        Array.Sort(cpu);
        return new Result(times[steps / 2], times[0], cpu[steps / 2]);
    }

    private readonly record struct PyResult(string Version, double Median1, double Min1, double Cpu1, double Median2, double Min2);

    /// <summary>The same step in PyTorch, timed the same way (median of the timed steps after 10 warm-up steps).</summary>
    private const string PyScript = """
import sys, time, statistics, torch
import torch.nn.functional as F
from torch import nn
steps = int(sys.argv[1])
class VAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 400); self.fc21 = nn.Linear(400, 20); self.fc22 = nn.Linear(400, 20)
        self.fc3 = nn.Linear(20, 400); self.fc4 = nn.Linear(400, 784)
    def forward(self, x):
        h = F.relu(self.fc1(x)); mu, logvar = self.fc21(h), self.fc22(h)
        z = mu + torch.randn_like(mu) * torch.exp(0.5 * logvar)
        return torch.sigmoid(self.fc4(F.relu(self.fc3(z)))), mu, logvar
def cpu_ms():
    return time.process_time() * 1000
def set_threads(threads):
    # torch.set_num_threads does not reach OpenBLAS, which Debian's PyTorch calls through libblas.so.3:
    # without this, "1 thread" PyTorch computes its matrix products on every core.
    torch.set_num_threads(threads)
    try:
        import ctypes
        ctypes.CDLL("libblas.so.3").openblas_set_num_threads(threads)
    except (OSError, AttributeError):
        pass
def run(threads):
    set_threads(threads); torch.manual_seed(1)
    model = VAE(); opt = torch.optim.Adam(model.parameters(), lr=1e-3); x = torch.rand(128, 784)
    def step():
        recon, mu, logvar = model(x)
        loss = F.binary_cross_entropy(recon, x, reduction="sum") - 0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
        opt.zero_grad(); loss.backward(); opt.step()
    for _ in range(10): step()
    times, cpu = [], []
    for _ in range(steps):
        c0 = cpu_ms(); t0 = time.perf_counter(); step()
        times.append((time.perf_counter() - t0) * 1000); cpu.append(cpu_ms() - c0)
    return statistics.median(times), min(times), statistics.median(cpu)
import os, re
blas = re.search(r"BLAS_INFO=([^,]+)", torch.__config__.show())
lib = os.path.realpath("/usr/lib/x86_64-linux-gnu/libblas.so.3")
print("version", torch.__version__, "(BLAS_INFO=" + (blas.group(1) if blas else "?") + ", libblas.so.3 -> " + lib + ")")
m, lo, c = run(1)
print("run1", m, lo, c)
if os.cpu_count() > 1:
    m, lo, c = run(os.cpu_count())
    print("run2", m, lo, c)
""";

    private static (PyResult? Result, string Why) RunPyTorch(int steps)
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python)) return (null, $"{python} not found");
        var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c"); info.ArgumentList.Add(PyScript); info.ArgumentList.Add(steps.ToString(Ci));
        using var p = Process.Start(info);
        if (p is null) return (null, "could not start python3");
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(TimeSpan.FromMinutes(2))) { p.Kill(true); return (null, "PyTorch run timed out"); }
        if (p.ExitCode != 0)
        {
            var e = err.Result;
            return (null, e.Contains("No module named 'torch'")
                ? "python3 has no torch (Debian: apt install python3-torch)"
                : "python3 failed: " + e.Trim().Split('\n')[^1]);
        }
        string version = "?";
        double[] one = [], two = [0, 0, 0];
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ', 2);
            if (parts.Length < 2) continue;
            if (parts[0] == "version") version = parts[1].Trim();
            else if (parts[0] is "run1" or "run2")
            {
                var values = parts[1].Split(' ').Select(v => double.Parse(v, Ci)).ToArray();
                if (parts[0] == "run1") one = values; else two = values;
            }
        }
        return one.Length == 3 ? (new PyResult(version, one[0], one[1], one[2], two[0], two[1]), "") : (null, "unexpected PyTorch output");
    }
}
