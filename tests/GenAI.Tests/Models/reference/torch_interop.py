#!/usr/bin/python3
"""PyTorch side of the checkpoint interop tests (run with Debian's /usr/bin/python3 and python3-torch).

  torch_interop.py decode-safetensors WEIGHTS Z_JSON   reads a safetensors file written by GenAI with the
      parser below (independent of TorchSharp.PyBridge), loads it into the reference VAE and prints the
      decoded images for the latent codes in Z_JSON as JSON.
  torch_interop.py decode-safetensors-package WEIGHTS Z_JSON   the same, but reads the file with the safetensors
      package's own safetensors.torch.load_file (the reference implementation; only when it is installed).
  torch_interop.py save-state-dict PATH Z_JSON          builds the reference VAE (seed 7), saves its
      state_dict with torch.save and prints its decoded images for Z_JSON as JSON.

The VAE is the course's Vae: 784-400-latent-400-784 with parameters fc1, fc_mu, fc_logvar, fc3, fc4.
"""
import json
import struct
import sys

import torch
import torch.nn.functional as F
from torch import nn

DTYPES = {"F32": torch.float32, "F64": torch.float64, "I64": torch.int64}


class VAE(nn.Module):
    def __init__(self, latent):
        super().__init__()
        self.fc1 = nn.Linear(784, 400)
        self.fc_mu = nn.Linear(400, latent)
        self.fc_logvar = nn.Linear(400, latent)
        self.fc3 = nn.Linear(latent, 400)
        self.fc4 = nn.Linear(400, 784)

    def decode(self, z):
        return torch.sigmoid(self.fc4(F.relu(self.fc3(z))))


def read_safetensors(path):
    # Format: u64 little-endian header length, JSON header {name: {dtype, shape, data_offsets}}, raw bytes.
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    body = data[8 + n:]
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        t = torch.frombuffer(bytearray(body[start:end]), dtype=DTYPES[info["dtype"]])
        tensors[name] = t.reshape(info["shape"]).clone()
    return tensors


def main():
    mode, path, z_path = sys.argv[1:4]
    z = torch.tensor(json.load(open(z_path)), dtype=torch.float32)
    model = VAE(z.shape[1])
    if mode == "decode-safetensors":
        model.load_state_dict(read_safetensors(path), strict=True)
    elif mode == "decode-safetensors-package":
        from safetensors.torch import load_file

        model.load_state_dict(load_file(path), strict=True)
    elif mode == "save-state-dict":
        torch.manual_seed(7)
        model = VAE(z.shape[1])
        torch.save(model.state_dict(), path)
    else:
        raise SystemExit(f"unknown mode {mode}")
    with torch.no_grad():
        print(json.dumps(model.decode(z).tolist()))


if __name__ == "__main__":
    main()
