using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using GenAI.Kernel;

namespace GenAI.Cli.Commands;

/// <summary>
/// <c>genai bench kernel</c>: kernel start → kernel_info reply, first cell, and per-cell round trip
/// (execute_request → execute_reply + idle) of the course's C# kernel and of ipykernel (Debian
/// python3-ipykernel), both driven by the same jupyter_client in one run. Prints medians and ratios.
/// </summary>
public sealed class BenchKernelCommand : IBenchCommand
{
    private const string Python = "/usr/bin/python3";

    /// <inheritdoc/>
    public Command Build()
    {
        var starts = new Option<int>("--starts") { Description = "Kernel starts per kernel (median reported).", DefaultValueFactory = _ => 3 };
        var cells = new Option<int>("--cells") { Description = "Timed cells for the round trip (median reported).", DefaultValueFactory = _ => 30 };
        var noReference = new Option<bool>("--no-ipykernel") { Description = "Skip the ipykernel reference." };
        var command = new Command("kernel", "Kernel start, first cell and per-cell round trip, next to ipykernel.") { starts, cells, noReference };
        command.SetAction(parse => Run(Math.Max(1, parse.GetValue(starts)), Math.Max(1, parse.GetValue(cells)), !parse.GetValue(noReference)));
        return command;
    }

    private static int Run(int starts, int cells, bool withReference)
    {
        if (!File.Exists(Python))
        {
            Console.Error.WriteLine($"{Python} fehlt: installiere python3-jupyter-client (und python3-ipykernel für den Vergleich), siehe .ci/run.");
            return 1;
        }
        var folder = Directory.CreateTempSubdirectory("genai-bench-kernel-").FullName;
        try
        {
            var kernels = Path.Combine(folder, "kernels");
            KernelSpec.Install(kernels, KernelSpec.CurrentDotnetHost(), typeof(BenchKernelCommand).Assembly.Location);
            Directory.CreateDirectory(Path.Combine(kernels, "bench-ipykernel"));
            File.WriteAllText(Path.Combine(kernels, "bench-ipykernel", "kernel.json"), new JsonObject
            {
                ["argv"] = new JsonArray(Python, "-m", "ipykernel_launcher", "-f", "{connection_file}"),
                ["display_name"] = "Python 3 (ipykernel)", ["language"] = "python",
            }.ToJsonString());
            var script = Path.Combine(folder, "kernel_bench.py");
            using (var resource = typeof(BenchKernelCommand).Assembly.GetManifestResourceStream("GenAI.Cli.Bench.kernel_bench.py")!)
            using (var file = File.Create(script))
                resource.CopyTo(file);

            Console.WriteLine($"Kernel-Benchmark: {starts} Starts je Kernel, {cells} Zellen \"1 + 1\"; Mediane. " +
                              $"{Environment.ProcessorCount} Kerne, mit anderen Prozessen geteilt: Zahlen schwanken.");
            var ours = Measure(script, folder, KernelInfo.KernelName, starts, cells);
            if (ours is null) return 1;
            var reference = withReference ? Measure(script, folder, "bench-ipykernel", starts, cells) : null;
            Print(ours, reference);
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static JsonObject? Measure(string script, string folder, string kernel, int starts, int cells)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
        foreach (var argument in new[] { script, kernel, starts.ToString(CultureInfo.InvariantCulture), cells.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        start.Environment["JUPYTER_PATH"] = folder;
        start.Environment["JUPYTER_RUNTIME_DIR"] = Path.Combine(folder, "runtime");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"{kernel}: Messung fehlgeschlagen (Exit {process.ExitCode}).\n{stderr.Result.Trim()}");
            return null;
        }
        return JsonNode.Parse(stdout.Trim().Split('\n')[^1])!.AsObject();
    }

    private static double Median(JsonNode? values)
    {
        var sorted = values!.AsArray().Select(v => (double)v!).Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static void Print(JsonObject ours, JsonObject? reference)
    {
        var ci = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(string.Create(ci, $"{"",-30}{"genai-csharp",14}{(reference is null ? "" : "ipykernel"),14}{(reference is null ? "" : "Verhältnis"),12}"));
        foreach (var (label, key, scale, unit) in new[]
        {
            ("Start → kernel_info_reply", "start_to_kernel_info", 1.0, "s"),
            ("Erste Zelle", "first_cell", 1.0, "s"),
            ("Zelle, Round-Trip", "round_trip", 1000.0, "ms"),
            ("CPU-Zeit bis kernel_info_reply", "cpu_start_to_kernel_info", 1.0, "s"),
            ("CPU-Zeit erste Zelle", "cpu_first_cell", 1.0, "s"),
        })
        {
            if (ours[key] is not JsonArray { Count: > 0 }) continue;   // CPU times: Linux only
            double a = Median(ours[key]) * scale;
            string line = string.Create(ci, $"{label,-30}{a,11:0.000} {unit,-2}");
            if (reference?[key] is JsonArray { Count: > 0 })
            {
                double b = Median(reference![key]) * scale;
                line += string.Create(ci, $"{b,11:0.000} {unit,-2}{a / b,11:0.00}×");
            }
            Console.WriteLine(line);
        }
    }
}
