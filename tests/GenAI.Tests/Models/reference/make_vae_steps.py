#!/usr/bin/python3
"""Writes vae_steps.json: the oracle for VaePyTorchOracleTests.

A small VAE (64-16-2, the shape of the classic one on 8x8 images) in PyTorch 1.13: its initial
weights, a batch of 8 images, the noise eps for each step, and for three Adam steps (lr 1e-3) the loss
parts and, after the last step, every weight. GenAI.Torch must reproduce all of it to float precision
when given the same weights, images and noise. Regenerate with /usr/bin/python3 make_vae_steps.py.
"""
import json
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(2024)
torch.set_num_threads(1)
D, H, L, N, STEPS = 64, 16, 2, 8, 3


class VAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.fc_mu, self.fc_logvar = nn.Linear(D, H), nn.Linear(H, L), nn.Linear(H, L)
        self.fc3, self.fc4 = nn.Linear(L, H), nn.Linear(H, D)


m = VAE()
init = {k: v.flatten().tolist() for k, v in m.state_dict().items()}
x = torch.rand(N, D)
x[x < 0.3] = 0.0  # exact zeros, as on an image's background
opt = torch.optim.Adam(m.parameters(), lr=1e-3)
steps = []
for _ in range(STEPS):
    eps = torch.randn(N, L)
    h = F.relu(m.fc1(x))
    mu, logvar = m.fc_mu(h), m.fc_logvar(h)
    z = mu + eps * torch.exp(0.5 * logvar)
    recon = torch.sigmoid(m.fc4(F.relu(m.fc3(z))))
    bce = F.binary_cross_entropy(recon, x, reduction="sum")
    kl = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
    opt.zero_grad()
    (bce + kl).backward()
    opt.step()
    steps.append({"eps": eps.flatten().tolist(), "reconstruction": bce.item(), "kl": kl.item()})

final = {k: v.flatten().tolist() for k, v in m.state_dict().items()}
doc = {"torch": torch.__version__, "input": D, "hidden": H, "latent": L, "batch": N,
       "x": x.flatten().tolist(), "init": init, "steps": steps, "final": final}


def compact(v):
    # float32 values need 9 significant digits to round-trip.
    if isinstance(v, float):
        return float("%.9g" % v)
    if isinstance(v, list):
        return [compact(e) for e in v]
    if isinstance(v, dict):
        return {k: compact(e) for k, e in v.items()}
    return v


with open("vae_steps.json", "w") as f:
    json.dump(compact(doc), f, separators=(",", ":"))
