"""Times Jupyter kernels with jupyter_client (embedded in GenAI.Cli; run by `genai bench kernel`).

Usage: kernel_bench.py STARTS CELLS KERNEL_NAME...   (JUPYTER_PATH must hold the kernelspecs)
Starts the kernels in turns (kernel A, B, C, A, B, C, ...) so a change in the machine's load hits
all of them alike. For every fresh kernel it measures start -> kernel_info_reply, the first cell
(sent 0.3 s after the reply, as a user would), then CELLS more cells, and the kernel process's CPU
time for each phase. Prints one JSON object: {kernel: {metric: [one value per start]}, "load": [...]}.
"""
import json
import os
import statistics
import sys
import time

from jupyter_client.manager import KernelManager

CODE = "1 + 1"


def cpu_seconds(km):
    """User + system CPU time of the kernel process and its threads (Linux /proc), or None."""
    try:
        with open(f"/proc/{km.provisioner.process.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except Exception:
        return None


def threads(km):
    try:
        with open(f"/proc/{km.provisioner.process.pid}/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("Threads:"))
    except Exception:
        return None


def load():
    try:
        with open("/proc/loadavg") as f:
            return float(f.read().split()[0])
    except Exception:
        return None


def execute(kc, code):
    """Seconds from sending execute_request until both the reply and status idle arrived."""
    started = time.perf_counter()
    msg_id = kc.execute(code)
    got_reply = got_idle = False
    while not got_reply:
        reply = kc.get_shell_msg(timeout=120)
        if reply["parent_header"].get("msg_id") == msg_id:
            if reply["content"]["status"] != "ok":
                raise RuntimeError(f"cell failed: {reply['content']}")
            got_reply = True
    while not got_idle:
        msg = kc.get_iopub_msg(timeout=120)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status" \
                and msg["content"]["execution_state"] == "idle":
            got_idle = True
    return time.perf_counter() - started


def measure(name, cells, result):
    km = KernelManager(kernel_name=name)
    started = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        while True:   # as clients do: ask again until a reply arrives
            kc.kernel_info()
            try:
                kc.get_shell_msg(timeout=0.25)
                break
            except Exception as e:
                if type(e).__name__ != "Empty":
                    raise
                if time.perf_counter() - started > 120:
                    raise RuntimeError("no kernel_info_reply within 120 s")
        result["start_to_kernel_info"].append(time.perf_counter() - started)
        cpu_ready = cpu_seconds(km)
        time.sleep(0.3)
        while True:   # drain iopub from kernel_info
            try:
                kc.get_iopub_msg(timeout=0.05)
            except Exception:
                break
        cpu_before = cpu_seconds(km)
        result["first_cell"].append(execute(kc, CODE))
        cpu_first = cpu_seconds(km)
        times = [execute(kc, CODE) for _ in range(cells)]
        cpu_cells = cpu_seconds(km)
        result["round_trip"].append(statistics.median(times))
        if None not in (cpu_ready, cpu_before, cpu_first, cpu_cells):
            result["cpu_start_to_kernel_info"].append(cpu_ready)
            result["cpu_first_cell"].append(cpu_first - cpu_before)
            result["cpu_per_cell"].append((cpu_cells - cpu_first) / cells)
        if threads(km) is not None:
            result["threads"].append(threads(km))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    starts, cells, names = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    keys = ["start_to_kernel_info", "first_cell", "round_trip", "cpu_start_to_kernel_info",
            "cpu_first_cell", "cpu_per_cell", "threads"]
    results = {name: {key: [] for key in keys} for name in names}
    results["load"] = [load()]
    for _ in range(starts):
        for name in names:
            try:
                measure(name, cells, results[name])
            except Exception as e:   # one failing kernel must not hide the others' numbers
                results[name]["error"] = f"{type(e).__name__}: {e}"
            results["load"].append(load())
    print(json.dumps(results))


if __name__ == "__main__":
    main()
