using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using GenAI.Torch;
using GenAI.Torch.Modules;
using static GenAI.Torch.torch;

namespace GenAI.Cli.Commands;

/// <summary>
/// <c>genai bench torch</c>: times one training step of the reference VAE (784-400-20 encoder with ReLU and
/// μ/logvar heads, 20-400-784 decoder with sigmoid, BCE(sum) + KL, Adam 1e-3, batch 128) on synthetic data,
/// single- and multi-threaded, reports bytes allocated per step, the GEMM's GFLOP/s against this CPU's
/// measured FMA peak, and runs the identical step in PyTorch (one thread) when <c>/usr/bin/python3</c> has torch.
/// </summary>
public sealed class BenchTorchCommand : ICliCommand
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    /// <inheritdoc/>
    public Command Build()
    {
        var steps = new Option<int>("--steps") { Description = "Timed steps per configuration (median is reported).", DefaultValueFactory = _ => 60 };
        var noReference = new Option<bool>("--no-reference") { Description = "Skip the PyTorch run." };
        var torchCmd = new Command("torch", "Time the reference VAE training step and the GEMM kernel; compare with PyTorch on this machine.") { steps, noReference };
        torchCmd.SetAction(parse => Run(parse.GetValue(steps), parse.GetValue(noReference)));
        return new Command("bench", "Benchmarks that compare the course's code with a reference on this machine.") { torchCmd };
    }

    private static int Run(int steps, bool noReference)
    {
        int cores = Environment.ProcessorCount;
        Console.WriteLine($"GenAI.Torch benchmark — {cores} cores, AVX-512: {(Avx512F.IsSupported ? "yes" : "no")}, AVX2+FMA: {(Fma.IsSupported ? "yes" : "no")}, .NET {Environment.Version}");
        Console.WriteLine("The machine may be shared with other jobs: numbers are medians; compare ratios, not single runs.");
        Console.WriteLine();

        double peak = MeasurePeakGflops();
        Console.WriteLine(string.Create(Ci, $"FMA peak (16 independent register-only FMA chains, best of 5, thread CPU time): {peak:F1} GFLOP/s per core"));
        Console.WriteLine("GEMM (C = A·B, float32, median of repeats; 1 thread by CPU time, 2 threads by wall time):");
        foreach (var (m, k, n, what) in new[] { (128, 784, 400, "fc1 forward  128×784 · 784×400"), (400, 128, 784, "fc1 dW       400×128 · 128×784"), (512, 512, 512, "square       512×512 · 512×512") })
        {
            var line = new List<string>();
            foreach (int t in new[] { 1, Math.Min(2, cores) }.Distinct())
            {
                double g = GemmGflops(m, k, n, t);
                line.Add(string.Create(Ci, $"{t} thread(s): {g,6:F1} GFLOP/s = {100 * g / (peak * t),3:F0}% of peak"));
            }
            Console.WriteLine($"  {what}   " + string.Join("   ", line));
        }
        Console.WriteLine();

        Console.WriteLine($"VAE training step (784-400-20-400-784, BCE sum + KL, Adam 1e-3, batch 128), {steps} timed steps:");
        var one = TimeVae(1, steps);
        Console.WriteLine(string.Create(Ci, $"  GenAI.Torch, 1 thread : {one.Median,6:F2} ms/step wall (min {one.Min:F2}), {one.CpuMedian,6:F2} ms/step CPU, {one.BytesPerStep / 1024.0,6:F1} KiB allocated/step, GCs gen0/1/2 during timing: {one.Gc0}/{one.Gc1}/{one.Gc2}"));
        var noScope = TimeVae(1, Math.Max(10, steps / 3), useScope: false);
        Console.WriteLine(string.Create(Ci, $"  (same without NewDisposeScope: {noScope.Median,6:F2} ms/step wall, {noScope.CpuMedian,6:F2} ms/step CPU, {noScope.BytesPerStep / 1024.0,6:F1} KiB allocated/step, GCs gen0/1/2: {noScope.Gc0}/{noScope.Gc1}/{noScope.Gc2})"));
        Result? two = null;
        if (cores > 1)
        {
            two = TimeVae(2, steps);
            Console.WriteLine(string.Create(Ci, $"  GenAI.Torch, 2 threads: {two.Median,6:F2} ms/step wall (min {two.Min:F2}), {two.BytesPerStep / 1024.0,6:F1} KiB allocated/step; speed-up over 1 thread ×{one.Median / two.Median:F2} (median), ×{one.Min / two.Min:F2} (min)"));
        }
        set_num_threads(cores);

        if (noReference) return 0;
        var (py, why) = RunPyTorch(steps);
        if (py is null)
        {
            Console.WriteLine($"  PyTorch: skipped ({why})");
            return 0;
        }
        var r = py.Value;
        Console.WriteLine(string.Create(Ci, $"  PyTorch {r.Version}, 1 thread : {r.Median1,6:F2} ms/step wall (min {r.Min1:F2}), {r.Cpu1,6:F2} ms/step CPU"));
        if (r.Median2 > 0) Console.WriteLine(string.Create(Ci, $"  PyTorch {r.Version}, 2 threads: {r.Median2,6:F2} ms/step wall (min {r.Min2:F2})"));
        Console.WriteLine(string.Create(Ci, $"  Ratio PyTorch / GenAI.Torch (> 1: GenAI.Torch is faster), 1 thread: ×{r.Median1 / one.Median:F2} wall median, ×{r.Min1 / one.Min:F2} wall min, ×{r.Cpu1 / one.CpuMedian:F2} CPU"));
        if (two is not null && r.Median2 > 0)
            Console.WriteLine(string.Create(Ci, $"  Ratio PyTorch / GenAI.Torch, 2 threads: ×{r.Median2 / two.Median:F2} wall median, ×{r.Min2 / two.Min:F2} wall min"));
        return 0;
    }

    private sealed record Result(double Median, double Min, double CpuMedian, double BytesPerStep, int Gc0, int Gc1, int Gc2);

    /// <summary>
    /// CPU time of the calling thread in ms (Linux clock_gettime(CLOCK_THREAD_CPUTIME_ID)); NaN elsewhere.
    /// On a machine shared with other jobs, wall time includes the time this thread waited for a core;
    /// CPU time does not, so single-threaded comparisons use both.
    /// </summary>
    private static double ThreadCpuMs()
    {
        if (!OperatingSystem.IsLinux()) return double.NaN;
        return clock_gettime(3, out var t) == 0 ? t.Seconds * 1e3 + t.Nanoseconds / 1e6 : double.NaN;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec { public long Seconds; public long Nanoseconds; }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clock, out Timespec time);

    /// <summary>The reference VAE (Kingma &amp; Welling 2014) as PyTorch's examples/vae writes it.</summary>
    private sealed class Vae : nn.Module<Tensor, Tensor>
    {
        private readonly Linear fc1 = nn.Linear(784, 400), fc21 = nn.Linear(400, 20), fc22 = nn.Linear(400, 20), fc3 = nn.Linear(20, 400), fc4 = nn.Linear(400, 784);
        public Tensor mu = zeros(1), logvar = zeros(1);

        public Vae() : base("VAE") { }

        public override Tensor forward(Tensor x)
        {
            var h = fc1.forward(x).relu();                                // (128, 400)
            mu = fc21.forward(h); logvar = fc22.forward(h);               // (128, 20) each
            var z = mu + randn_like(mu) * (logvar * 0.5).exp();           // z = μ + ε·σ
            return fc4.forward(fc3.forward(z).relu()).sigmoid();          // (128, 784)
        }
    }

    private static Result TimeVae(int threads, int steps, bool useScope = true)
    {
        set_num_threads(threads);
        manual_seed(1);
        var model = new Vae();
        var opt = optim.Adam(model.parameters(), lr: 1e-3);
        var x = rand(128, 784);
        void Step()
        {
            // TorchSharp's idiom: every tensor of the step is released at the end, so buffers are reused.
            using var scope = useScope ? NewDisposeScope() : null;
            var recon = model.forward(x);
            var bce = nn.functional.binary_cross_entropy(recon, x, reduction: nn.Reduction.Sum);
            var kld = (1 + model.logvar - model.mu.pow(2) - model.logvar.exp()).sum() * -0.5;
            var loss = bce + kld;
            opt.zero_grad();
            loss.backward();
            opt.step();
        }
        for (int i = 0; i < 10; i++) Step();
        var times = new double[steps];
        var cpu = new double[steps];
        int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
        long before = GC.GetTotalAllocatedBytes(precise: true);
        for (int i = 0; i < steps; i++)
        {
            double c0 = ThreadCpuMs();
            long t0 = Stopwatch.GetTimestamp();
            Step();
            times[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            cpu[i] = ThreadCpuMs() - c0;
        }
        long after = GC.GetTotalAllocatedBytes(precise: true);
        Array.Sort(times);
        Array.Sort(cpu);
        return new Result(times[steps / 2], times[0], cpu[steps / 2], (after - before) / (double)steps,
            GC.CollectionCount(0) - g0, GC.CollectionCount(1) - g1, GC.CollectionCount(2) - g2);
    }

    private static double GemmGflops(int m, int k, int n, int threads)
    {
        set_num_threads(threads);
        var a = randn(m, k); var b = randn(k, n);
        for (int i = 0; i < 3; i++) a.mm(b);
        int reps = Math.Max(5, (int)(2e9 / (2.0 * m * n * k)));
        var times = new double[reps];
        bool cpuClock = threads == 1 && !double.IsNaN(ThreadCpuMs());
        for (int i = 0; i < reps; i++)
        {
            using var scope = NewDisposeScope();
            double c0 = ThreadCpuMs();
            long t0 = Stopwatch.GetTimestamp();
            a.mm(b);
            times[i] = cpuClock ? (ThreadCpuMs() - c0) / 1e3 : Stopwatch.GetElapsedTime(t0).TotalSeconds;
        }
        Array.Sort(times);
        return 2.0 * m * n * k / times[reps / 2] / 1e9;
    }

    /// <summary>FLOP/s of 16 independent FMA chains that never touch memory: what one core can do at best.</summary>
    private static double MeasurePeakGflops()
    {
        const int iterations = 2_000_000;
        double best = 0;
        for (int rep = 0; rep < 5; rep++)
        {
            double c0 = ThreadCpuMs();
            long t0 = Stopwatch.GetTimestamp();
            float sink = Avx512F.IsSupported ? Fma512(iterations) : Fma.IsSupported ? Fma256(iterations) : 0;
            double s = double.IsNaN(c0) ? Stopwatch.GetElapsedTime(t0).TotalSeconds : (ThreadCpuMs() - c0) / 1e3;
            int lanes = Avx512F.IsSupported ? 16 : Fma.IsSupported ? 8 : 0;
            if (lanes == 0 || sink == 12345) return 1;
            best = Math.Max(best, 16.0 * lanes * 2 * iterations / s / 1e9);
        }
        return best;
    }

    private static float Fma512(int n)
    {
        var m = Vector512.Create(0.999f); var add = Vector512.Create(1e-3f);
        Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
        Vector512<float> a8 = default, a9 = default, a10 = default, a11 = default, a12 = default, a13 = default, a14 = default, a15 = default;
        for (int i = 0; i < n; i++)
        {
            a0 = Avx512F.FusedMultiplyAdd(a0, m, add); a1 = Avx512F.FusedMultiplyAdd(a1, m, add); a2 = Avx512F.FusedMultiplyAdd(a2, m, add); a3 = Avx512F.FusedMultiplyAdd(a3, m, add);
            a4 = Avx512F.FusedMultiplyAdd(a4, m, add); a5 = Avx512F.FusedMultiplyAdd(a5, m, add); a6 = Avx512F.FusedMultiplyAdd(a6, m, add); a7 = Avx512F.FusedMultiplyAdd(a7, m, add);
            a8 = Avx512F.FusedMultiplyAdd(a8, m, add); a9 = Avx512F.FusedMultiplyAdd(a9, m, add); a10 = Avx512F.FusedMultiplyAdd(a10, m, add); a11 = Avx512F.FusedMultiplyAdd(a11, m, add);
            a12 = Avx512F.FusedMultiplyAdd(a12, m, add); a13 = Avx512F.FusedMultiplyAdd(a13, m, add); a14 = Avx512F.FusedMultiplyAdd(a14, m, add); a15 = Avx512F.FusedMultiplyAdd(a15, m, add);
        }
        var s = a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11 + a12 + a13 + a14 + a15;
        return Vector512.Sum(s);
    }

    private static float Fma256(int n)
    {
        var m = Vector256.Create(0.999f); var add = Vector256.Create(1e-3f);
        Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
        Vector256<float> a8 = default, a9 = default, a10 = default, a11 = default, a12 = default, a13 = default, a14 = default, a15 = default;
        for (int i = 0; i < n; i++)
        {
            a0 = Fma.MultiplyAdd(a0, m, add); a1 = Fma.MultiplyAdd(a1, m, add); a2 = Fma.MultiplyAdd(a2, m, add); a3 = Fma.MultiplyAdd(a3, m, add);
            a4 = Fma.MultiplyAdd(a4, m, add); a5 = Fma.MultiplyAdd(a5, m, add); a6 = Fma.MultiplyAdd(a6, m, add); a7 = Fma.MultiplyAdd(a7, m, add);
            a8 = Fma.MultiplyAdd(a8, m, add); a9 = Fma.MultiplyAdd(a9, m, add); a10 = Fma.MultiplyAdd(a10, m, add); a11 = Fma.MultiplyAdd(a11, m, add);
            a12 = Fma.MultiplyAdd(a12, m, add); a13 = Fma.MultiplyAdd(a13, m, add); a14 = Fma.MultiplyAdd(a14, m, add); a15 = Fma.MultiplyAdd(a15, m, add);
        }
        var s = a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11 + a12 + a13 + a14 + a15;
        return Vector256.Sum(s);
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
def run(threads):
    torch.set_num_threads(threads); torch.manual_seed(1)
    model = VAE(); opt = torch.optim.Adam(model.parameters(), lr=1e-3); x = torch.rand(128, 784)
    def step():
        recon, mu, logvar = model(x)
        loss = F.binary_cross_entropy(recon, x, reduction="sum") - 0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
        opt.zero_grad(); loss.backward(); opt.step()
    for _ in range(10): step()
    times, cpu = [], []
    for _ in range(steps):
        c0 = time.thread_time(); t0 = time.perf_counter(); step()
        times.append((time.perf_counter() - t0) * 1000); cpu.append((time.thread_time() - c0) * 1000)
    return statistics.median(times), min(times), statistics.median(cpu)
import os, re
blas = re.search(r"BLAS_INFO=([^,]+)", torch.__config__.show())
lib = os.path.realpath("/usr/lib/x86_64-linux-gnu/libblas.so.3")
print("version", torch.__version__, "(BLAS_INFO=" + (blas.group(1) if blas else "?") + ", libblas.so.3 -> " + lib + ")")
m, lo, c = run(1)
print("run1", m, lo, c)
if __import__("os").cpu_count() > 1:
    m, lo, c = run(2)
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
            return (null, e.Contains("No module named 'torch'") ? "python3 has no torch (Debian: apt install python3-torch)" : "python3 failed: " + e.Trim().Split('\n')[^1]);
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
