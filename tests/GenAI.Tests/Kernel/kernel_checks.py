"""Checks of the installed genai-csharp kernel through jupyter_client's KernelManager and nbclient.

Usage (JUPYTER_PATH must point at a folder holding kernels/genai-csharp):
    kernel_checks.py interrupt          -> JSON: a busy loop is interrupted, state survives
    kernel_checks.py cell CODE          -> JSON: the reply and the iopub outputs of one cell in a fresh kernel
    kernel_checks.py nbclient NOTEBOOK [OUTPUT] -> executes NOTEBOOK (in its folder) with nbclient,
                                                 writes it to OUTPUT (default: in place), JSON of outputs
"""
import json
import sys
import time

from jupyter_client.manager import start_new_kernel


def reply_to(kc, msg_id, timeout=30):
    """The shell reply to msg_id. wait_for_ready may leave extra kernel_info replies queued."""
    while True:
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def run(kc, code, timeout=30):
    msg_id = kc.execute(code)
    reply = reply_to(kc, msg_id, timeout)
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status" \
                and msg["content"]["execution_state"] == "idle":
            return reply["content"]


def interrupt():
    km, kc = start_new_kernel(kernel_name="genai-csharp", startup_timeout=60)
    out = {}
    try:
        out["before"] = run(kc, "var zaehler = 5; zaehler")["status"]
        msg_id = kc.execute("while (true) {}")
        time.sleep(1.0)
        started = time.time()
        km.interrupt_kernel()                       # message mode: interrupt_request on control
        reply = reply_to(kc, msg_id, timeout=20)
        out["interrupt_seconds"] = time.time() - started
        out["loop_reply"] = reply["content"]
        msg_id = kc.execute("zaehler + 1")
        reply_to(kc, msg_id, timeout=20)
        while True:
            msg = kc.get_iopub_msg(timeout=20)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "execute_result":
                out["after_value"] = msg["content"]["data"]["text/plain"]
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
    finally:
        km.shutdown_kernel(now=False)
        out["alive_after_shutdown"] = km.is_alive()
    print(json.dumps(out))


def cell(code):
    km, kc = start_new_kernel(kernel_name="genai-csharp", startup_timeout=60)
    try:
        msg_id = kc.execute(code)
        reply = reply_to(kc, msg_id, timeout=120)
        outputs = []
        while True:
            msg = kc.get_iopub_msg(timeout=120)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status":
                if msg["content"]["execution_state"] == "idle":
                    break
                continue
            outputs.append([msg["msg_type"], msg["content"]])
        print(json.dumps({"reply": reply["content"], "outputs": outputs}))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def execute_notebook(path, output=None, kernel="genai-csharp"):
    import os
    import nbformat
    from nbclient import NotebookClient
    nb = nbformat.read(path, as_version=4)
    started = time.time()
    NotebookClient(nb, kernel_name=kernel, timeout=600, startup_timeout=120,
                   resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}}).execute()
    nbformat.write(nb, output or path)
    cells = [[o.get("output_type") for o in c.get("outputs", [])] for c in nb.cells if c.cell_type == "code"]
    print(json.dumps({"cells": cells, "seconds": time.time() - started,
                      "language": nb.metadata.get("language_info", {}).get("name")}))


if __name__ == "__main__":
    if sys.argv[1] == "interrupt":
        interrupt()
    elif sys.argv[1] == "cell":
        cell(sys.argv[2])
    elif sys.argv[1] == "nbclient":
        execute_notebook(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
    elif sys.argv[1] == "nbclient-kernel":
        execute_notebook(sys.argv[3], sys.argv[4], kernel=sys.argv[2])
