"""Drives a running kernel with jupyter_client's BlockingKernelClient and prints what it saw as JSON.

Usage: client_checks.py CONNECTION_FILE CHECK   (CHECK: protocol | stdin | interrupt)
The C# tests (KernelClientTests) assert on the printed JSON.
"""
import datetime
import json
import sys
import time

from jupyter_client import BlockingKernelClient


def collect(kc, msg_id, timeout=10):
    """iopub messages whose parent is msg_id, up to and including status idle."""
    msgs = []
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        msgs.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return msgs


def summary(msgs):
    return [[m["msg_type"], m["content"]] for m in msgs]


def execute(kc, code, **kwargs):
    msg_id = kc.execute(code, **kwargs)
    reply = kc.get_shell_msg(timeout=20)
    assert reply["parent_header"]["msg_id"] == msg_id, "reply parent"
    return reply, collect(kc, msg_id)


def main():
    connection_file, check = sys.argv[1], sys.argv[2]
    kc = BlockingKernelClient(connection_file=connection_file)
    kc.load_connection_file()
    kc.start_channels()
    kc.wait_for_ready(timeout=30)
    while True:   # wait_for_ready may leave extra kernel_info replies queued
        try:
            kc.get_shell_msg(timeout=0.3)
        except Exception:
            break
    out = {}
    if check == "protocol":
        msg_id = kc.kernel_info()
        reply = kc.get_shell_msg(timeout=10)
        out["kernel_info"] = reply["content"]
        out["kernel_info_iopub"] = [m["content"].get("execution_state") for m in collect(kc, msg_id)]
        out["header_keys"] = sorted(reply["header"].keys())
        out["date_parsed"] = isinstance(reply["header"]["date"], datetime.datetime)
        reply, msgs = execute(kc, "hello")
        out["execute_reply"] = reply["content"]
        out["execute_iopub"] = summary(msgs)
        reply, msgs = execute(kc, "fail")
        out["error_reply"] = reply["content"]
        out["error_iopub"] = summary(msgs)
        reply, msgs = execute(kc, "quiet", silent=True)
        out["silent_reply"] = reply["content"]
        out["silent_iopub"] = summary(msgs)
        kc.history(hist_access_type="tail", n=5, output=True)
        out["history"] = kc.get_shell_msg(timeout=10)["content"]
        kc.comm_info()
        out["comm_info"] = kc.get_shell_msg(timeout=10)["content"]
        comm = kc.session.msg("comm_open", {"comm_id": "c1", "target_name": "nope", "data": {}})
        kc.shell_channel.send(comm)
        out["comm_open_iopub"] = summary(collect(kc, comm["header"]["msg_id"]))
        time.sleep(1.5)
        out["heartbeat"] = kc.hb_channel.is_beating()
    elif check == "stdin":
        msg_id = kc.execute("ask", allow_stdin=True)
        request = kc.get_stdin_msg(timeout=10)
        out["input_request"] = request["content"]
        out["input_parent"] = request["parent_header"]["msg_id"] == msg_id
        kc.input("Ada")
        reply = kc.get_shell_msg(timeout=10)
        out["reply"] = reply["content"]
        out["iopub"] = summary(collect(kc, msg_id))
    elif check == "interrupt":
        for channel in ("control", "shell"):
            msg_id = kc.execute("wait")
            time.sleep(0.5)
            interrupt = kc.session.msg("interrupt_request", {})
            getattr(kc, channel + "_channel").send(interrupt)
            reply = kc.get_shell_msg(timeout=10)
            if reply["msg_type"] == "interrupt_reply":   # on shell, the interrupt's reply may come first
                out[channel + "_interrupt_reply"] = reply["content"]
                reply = kc.get_shell_msg(timeout=10)
            else:
                out[channel + "_interrupt_reply"] = (kc.get_control_msg(timeout=10) if channel == "control" else kc.get_shell_msg(timeout=10))["content"]
            out[channel + "_reply"] = reply["content"]
            collect(kc, msg_id)
        reply, msgs = execute(kc, "after")
        out["after_reply"] = reply["content"]
    print(json.dumps(out))
    kc.stop_channels()


if __name__ == "__main__":
    main()
