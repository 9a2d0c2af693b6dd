using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using GenAI.Kernel;

namespace GenAI.Cli.Bench;

/// <summary>
/// <c>genai bench kernel</c>: kernel start → kernel_info reply, first cell, per-cell round trip
/// (execute_request → execute_reply + idle) and the kernel process's CPU time, for the course kernel's
/// ReadyToRun build, its plain build, Debian's ipykernel and the official .NET Interactive kernel, all
/// driven by the same jupyter_client script in one run, in turns. Prints medians over fresh kernels and
/// ratios to the ReadyToRun kernel. A column whose kernel is missing is skipped with the reason.
/// </summary>
public sealed class BenchKernelCommand : IBenchCommand
{
    private const string Python = "/usr/bin/python3";

    /// <summary>The official kernel's tool version the course compares against (DESIGN.md §2).</summary>
    public const string DotnetInteractiveVersion = "1.0.712001";

    private sealed record Contender(string Label, string KernelName, JsonObject? Spec, string? Skipped);

    /// <inheritdoc/>
    public Command Build()
    {
        var starts = new Option<int>("--starts") { Description = "Fresh kernels per contender (median reported).", DefaultValueFactory = _ => 3 };
        var cells = new Option<int>("--cells") { Description = "Timed cells per kernel after the first (median reported).", DefaultValueFactory = _ => 20 };
        var noReference = new Option<bool>("--no-ipykernel") { Description = "Skip the ipykernel reference." };
        var dni = new Option<string?>("--dotnet-interactive")
        {
            Description = "The dotnet-interactive executable (default: artifacts/tools/dotnet-interactive/dotnet-interactive, " +
                          "installed by `dotnet tool install --tool-path artifacts/tools/dotnet-interactive " +
                          $"Microsoft.dotnet-interactive --version {DotnetInteractiveVersion}`).",
        };
        var extra = new Option<string[]>("--kernel")
        {
            Description = "Another build of the course kernel as LABEL=PATH/GenAI.Cli.dll (e.g. the build before a change); repeatable.",
            Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("kernel", "Kernel start, first cell and per-cell round trip: ReadyToRun and plain build, ipykernel, dotnet-interactive.")
        {
            starts, cells, noReference, dni, extra,
        };
        command.SetAction(parse => Run(Math.Max(1, parse.GetValue(starts)), Math.Max(1, parse.GetValue(cells)), !parse.GetValue(noReference),
            parse.GetValue(dni), parse.GetValue(extra) ?? []));
        return command;
    }

    private static int Run(int starts, int cells, bool withIpykernel, string? dotnetInteractive, string[] extra)
    {
        if (!File.Exists(Python))
        {
            Console.Error.WriteLine($"{Python} fehlt: installiere python3-jupyter-client (und python3-ipykernel für den Vergleich), siehe .ci/run.");
            return 1;
        }
        var contenders = Contenders(withIpykernel, dotnetInteractive, extra);
        if (contenders is null) return 2;
        var folder = Directory.CreateTempSubdirectory("genai-bench-kernel-").FullName;
        try
        {
            var kernels = Path.Combine(folder, "kernels");
            foreach (var c in contenders.Where(c => c.Spec is not null))
            {
                Directory.CreateDirectory(Path.Combine(kernels, c.KernelName));
                File.WriteAllText(Path.Combine(kernels, c.KernelName, "kernel.json"), c.Spec!.ToJsonString());
            }
            var script = Path.Combine(folder, "kernel_bench.py");
            using (var resource = typeof(BenchKernelCommand).Assembly.GetManifestResourceStream("GenAI.Cli.Bench.kernel_bench.py")!)
            using (var file = File.Create(script))
                resource.CopyTo(file);

            Console.WriteLine($"Kernel-Benchmark: {starts} frische Kernel je Spalte (abwechselnd gestartet), je Kernel die erste Zelle \"1 + 1\" " +
                              $"0,3 s nach kernel_info_reply und {cells} weitere; Mediane. {Environment.ProcessorCount} Kerne, mit anderen Prozessen geteilt.");
            foreach (var c in contenders.Where(c => c.Skipped is not null))
                Console.WriteLine($"  {c.Label}: ausgelassen — {c.Skipped}");
            var measured = contenders.Where(c => c.Skipped is null).ToList();
            var results = Measure(script, folder, measured, starts, cells);
            if (results is null) return 1;
            Print(measured, results);
            return measured.Any(c => results[c.KernelName]?["error"] is not null) ? 1 : 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<Contender>? Contenders(bool withIpykernel, string? dotnetInteractive, string[] extra)
    {
        var dotnet = KernelSpec.CurrentDotnetHost();
        var list = new List<Contender>();
        var r2r = ReadyToRunBuild.Find();
        list.Add(r2r.IsReadyToRun
            ? new("genai R2R", "bench-genai-r2r", KernelSpec.Create(dotnet, r2r.CliAssembly), null)
            : new("genai R2R", "bench-genai-r2r", null, r2r.Note));
        var plain = PlainBuild();
        list.Add(plain is null
            ? new("genai normal", "bench-genai-plain", null, "kein normaler Build neben diesem gefunden")
            : new("genai normal", "bench-genai-plain", KernelSpec.Create(dotnet, plain), null));
        foreach (var (item, index) in extra.Select((e, i) => (e, i)))
        {
            var parts = item.Split('=', 2);
            if (parts.Length != 2 || !File.Exists(parts[1]))
            {
                Console.Error.WriteLine($"--kernel erwartet LABEL=PFAD/GenAI.Cli.dll mit einer vorhandenen Datei, nicht \"{item}\".");
                return null;
            }
            list.Add(new(parts[0], $"bench-extra-{index}", KernelSpec.Create(dotnet, parts[1]), null));
        }
        list.Add(withIpykernel
            ? new("ipykernel", "bench-ipykernel", new JsonObject
            {
                ["argv"] = new JsonArray(Python, "-m", "ipykernel_launcher", "-f", "{connection_file}"),
                ["display_name"] = "Python 3 (ipykernel)", ["language"] = "python",
            }, PythonModuleMissing("ipykernel", "python3-ipykernel"))
            : new("ipykernel", "bench-ipykernel", null, "--no-ipykernel"));
        var dni = dotnetInteractive ?? DefaultDotnetInteractive();
        list.Add(dni is not null && File.Exists(dni)
            ? new("dotnet-interactive", "bench-dotnet-interactive", new JsonObject
            {
                ["argv"] = new JsonArray(dni, "jupyter", "--default-kernel", "csharp", "{connection_file}", "--http-port-range", "2048-3000"),
                ["display_name"] = ".NET (C#)", ["language"] = "C#",
            }, null)
            : new("dotnet-interactive", "bench-dotnet-interactive", null,
                $"nicht gefunden ({dni ?? "artifacts/tools/dotnet-interactive"}); " +
                "installieren mit `dotnet tool install --tool-path artifacts/tools/dotnet-interactive " +
                $"Microsoft.dotnet-interactive --version {DotnetInteractiveVersion}`"));
        return [.. list.Select(c => c.Skipped is null && c.Spec is null ? c with { Skipped = "kein Kernel" } : c)];
    }

    /// <summary>The plain (JIT) build of the CLI: this process, or the bin folder beside the ReadyToRun publish folder.</summary>
    private static string? PlainBuild()
    {
        var running = typeof(BenchKernelCommand).Assembly.Location;
        if (!ReadyToRunBuild.CurrentProcessIsReadyToRun) return running;
        // artifacts/publish/GenAI.Cli/<pivot>_<rid>/ → artifacts/bin/GenAI.Cli/<pivot>/
        var publish = new DirectoryInfo(Path.GetDirectoryName(running)!);
        var pivot = publish.Name.Split('_')[0];
        var plain = Path.Combine(publish.Parent!.Parent!.Parent!.FullName, "bin", publish.Parent.Name, pivot, "GenAI.Cli.dll");
        return File.Exists(plain) ? plain : null;
    }

    private static string? DefaultDotnetInteractive() =>
        BenchSupport.RepositoryRoot() is { } root
            ? Path.Combine(root, "artifacts", "tools", "dotnet-interactive", OperatingSystem.IsWindows() ? "dotnet-interactive.exe" : "dotnet-interactive")
            : null;

    private static string? PythonModuleMissing(string module, string package)
    {
        using var process = Process.Start(new ProcessStartInfo(Python, ["-c", $"import {module}"]) { RedirectStandardError = true, UseShellExecute = false })!;
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? null : $"{Python} kann {module} nicht laden (Debian-Paket {package})";
    }

    private static JsonObject? Measure(string script, string folder, List<Contender> contenders, int starts, int cells)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder,
        };
        foreach (var argument in new[] { script, starts.ToString(CultureInfo.InvariantCulture), cells.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        foreach (var c in contenders) start.ArgumentList.Add(c.KernelName);
        start.Environment["JUPYTER_PATH"] = folder;
        start.Environment["JUPYTER_RUNTIME_DIR"] = Path.Combine(folder, "runtime");
        start.Environment["JUPYTER_DATA_DIR"] = Path.Combine(folder, "data");
        // dotnet-interactive asks to collect telemetry and prints a banner otherwise.
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"Messung fehlgeschlagen (Exit {process.ExitCode}).\n{stderr.Result.Trim()}");
            return null;
        }
        return JsonNode.Parse(stdout.Trim().Split('\n')[^1])!.AsObject();
    }

    private static double Median(JsonNode? values)
    {
        if (values is not JsonArray { Count: > 0 } array) return double.NaN;
        var sorted = array.Select(v => (double)v!).Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static void Print(List<Contender> contenders, JsonObject results)
    {
        var ci = CultureInfo.InvariantCulture;
        const int width = 20;
        Console.WriteLine();
        Console.WriteLine($"{"",-34}" + string.Concat(contenders.Select(c => c.Label.PadLeft(width))));
        var rows = new[]
        {
            ("Start → kernel_info_reply", "start_to_kernel_info", 1.0, "s", "0.00"),
            ("Erste Zelle", "first_cell", 1.0, "s", "0.00"),
            ("Zelle, Round-Trip", "round_trip", 1000.0, "ms", "0.0"),
            ("CPU bis kernel_info_reply", "cpu_start_to_kernel_info", 1.0, "s", "0.00"),
            ("CPU erste Zelle", "cpu_first_cell", 1.0, "s", "0.00"),
            ("CPU je Zelle", "cpu_per_cell", 1000.0, "ms", "0.0"),
            ("Threads", "threads", 1.0, "", "0"),
        };
        foreach (var (label, key, scale, unit, format) in rows)
        {
            var cellsText = contenders.Select(c => Median(results[c.KernelName]?[key]) * scale)
                .Select(v => (double.IsNaN(v) ? "–" : v.ToString(format, ci) + (unit.Length > 0 ? " " + unit : "")).PadLeft(width));
            Console.WriteLine($"{label,-34}" + string.Concat(cellsText));
        }
        var baseline = contenders[0];
        if (contenders.Count > 1 && results[baseline.KernelName]?["first_cell"] is JsonArray { Count: > 0 })
        {
            Console.WriteLine();
            Console.WriteLine($"Verhältnis zu {baseline.Label} (Wert ÷ {baseline.Label}):");
            var measures = new[]
            {
                ("Erste Zelle", "first_cell"), ("Zelle, Round-Trip", "round_trip"), ("CPU erste Zelle", "cpu_first_cell"), ("CPU je Zelle", "cpu_per_cell"),
            };
            foreach (var (label, key) in measures)
            {
                double b = Median(results[baseline.KernelName]?[key]);
                var ratios = contenders.Select(c => Median(results[c.KernelName]?[key]) / b)
                    .Select(r => (double.IsNaN(r) || double.IsInfinity(r) ? "–" : r.ToString("0.00", ci) + "×").PadLeft(width));
                Console.WriteLine($"{label,-34}" + string.Concat(ratios));
            }
        }
        foreach (var c in contenders)
            if (results[c.KernelName]?["error"] is { } error) Console.WriteLine($"{c.Label}: Fehler — {error}");
        var load = results["load"]!.AsArray().Where(v => v is not null).Select(v => (double)v!).ToArray();
        if (load.Length > 0)
            Console.WriteLine(string.Create(ci,
                $"\nLast (1-min-Mittel, /proc/loadavg) während der Messung: {load.Min():0.0} … {load.Max():0.0} bei {Environment.ProcessorCount} Kernen. "
                + $"Wanduhrzeiten wachsen mit der Last, CPU-Zeiten kaum."));
    }
}
