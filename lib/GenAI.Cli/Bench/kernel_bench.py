"""Times Jupyter kernels with jupyter_client (embedded in GenAI.Cli; run by `genai bench kernel`).

Usage: kernel_bench.py KERNEL_NAME STARTS CELLS   (JUPYTER_PATH must hold the kernelspec)
Prints one JSON object: start_to_kernel_info, first_cell, round_trip (lists of seconds).
"""
import json
import os
import sys
import time

from jupyter_client.manager import KernelManager

CODE = "1 + 1"


def cpu_seconds(km):
    """User + system CPU time of the kernel process (Linux /proc); None elsewhere. Unlike wall time,
    it does not grow when other processes compete for the cores."""
    try:
        pid = km.provisioner.process.pid
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except Exception:
        return None


def execute(kc, code):
    """Seconds from sending execute_request until both the reply and status idle arrived."""
    started = time.perf_counter()
    msg_id = kc.execute(code)
    got_reply = got_idle = False
    while not (got_reply and got_idle):
        if not got_reply:
            try:
                reply = kc.get_shell_msg(timeout=0.001 if got_idle else 60)
                if reply["parent_header"].get("msg_id") == msg_id:
                    if reply["content"]["status"] != "ok":
                        raise RuntimeError(f"cell failed: {reply['content']}")
                    got_reply = True
            except Exception as e:  # queue.Empty while polling
                if type(e).__name__ != "Empty":
                    raise
        if not got_idle:
            try:
                msg = kc.get_iopub_msg(timeout=0.001 if not got_reply else 60)
                if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status" \
                        and msg["content"]["execution_state"] == "idle":
                    got_idle = True
            except Exception as e:
                if type(e).__name__ != "Empty":
                    raise
    return time.perf_counter() - started


def main():
    name, starts, cells = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    result = {"start_to_kernel_info": [], "first_cell": [], "round_trip": [],
              "cpu_start_to_kernel_info": [], "cpu_first_cell": []}
    for run in range(starts):
        km = KernelManager(kernel_name=name)
        started = time.perf_counter()
        km.start_kernel()
        kc = km.client()
        kc.start_channels()
        while True:   # as clients do: ask again until a reply arrives
            kc.kernel_info()
            try:
                kc.get_shell_msg(timeout=0.25)
                break
            except Exception as e:
                if type(e).__name__ != "Empty":
                    raise
                if time.perf_counter() - started > 60:
                    raise RuntimeError("no kernel_info_reply within 60 s")
        result["start_to_kernel_info"].append(time.perf_counter() - started)
        cpu_ready = cpu_seconds(km)
        time.sleep(0.3)   # let the late-joining iopub subscription settle before timing cells
        while True:       # drain iopub from kernel_info
            try:
                kc.get_iopub_msg(timeout=0.05)
            except Exception:
                break
        cpu_before = cpu_seconds(km)
        result["first_cell"].append(execute(kc, CODE))
        cpu_after = cpu_seconds(km)
        if cpu_ready is not None and cpu_after is not None:
            result["cpu_start_to_kernel_info"].append(cpu_ready)
            result["cpu_first_cell"].append(cpu_after - cpu_before)
        if run == 0:
            result["round_trip"] = [execute(kc, CODE) for _ in range(cells)]
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
