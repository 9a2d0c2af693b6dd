#!/usr/bin/python3
"""PyTorch reference for `genai bench vae`: the classic MLP VAE (Kingma & Welling 2014) on Fashion-MNIST.

Same run configuration as GenAI.Models' Vae so the two can be compared in one benchmark run
(with --model conv: the same as GenAI.Models' ConvVae, two stride-2 4x4 convolutions 1->16->32 and
their transposed mirror, latent 16):
784-400-latent-400-784 with ReLU and a sigmoid output, reconstruction loss = binary cross-entropy summed
over pixels, KL = -1/2 * sum(1 + logvar - mu^2 - exp(logvar)), Adam lr 1e-3, batch 128, shuffled
training set, pixels scaled to [0, 1], one thread. Test loss = (BCE + KL) summed over the test set
divided by its size ("per image"), with z sampled as in training (as PyTorch's examples/vae does).

Output: one line per epoch, `epoch <n> time_s <seconds> ms_per_step <ms> train_loss <per image>
test_loss <per image>`, then `final_test_loss <per image>`. Runs with Debian's python3-torch
(`/usr/bin/python3`); reads the IDX .gz files from --data-dir (default /usr/share/datasets/fashion-mnist).
"""
import argparse
import gzip
import os
import struct
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">I", data[:4])
    ndim = magic & 0xFF
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def load_images(data_dir, prefix, limit):
    images = read_idx(os.path.join(data_dir, f"{prefix}-images-idx3-ubyte.gz"))
    if limit:
        images = images[:limit]
    # (N, 28, 28) bytes -> (N, 784) floats in [0, 1], like torchvision's ToTensor.
    return torch.from_numpy(images.reshape(len(images), 784).astype(np.float32) / 255.0)


class VAE(nn.Module):
    def __init__(self, latent):
        super().__init__()
        self.fc1 = nn.Linear(784, 400)
        self.fc_mu = nn.Linear(400, latent)
        self.fc_logvar = nn.Linear(400, latent)
        self.fc3 = nn.Linear(latent, 400)
        self.fc4 = nn.Linear(400, 784)

    def forward(self, x):
        h = F.relu(self.fc1(x))
        mu, logvar = self.fc_mu(h), self.fc_logvar(h)
        z = mu + torch.randn_like(mu) * torch.exp(0.5 * logvar)
        return torch.sigmoid(self.fc4(F.relu(self.fc3(z)))), mu, logvar


class ConvVAE(nn.Module):
    def __init__(self, latent, f1=16, f2=32):
        super().__init__()
        self.f2 = f2
        self.encoder = nn.Sequential(nn.Conv2d(1, f1, 4, 2, 1), nn.ReLU(), nn.Conv2d(f1, f2, 4, 2, 1), nn.ReLU(), nn.Flatten())
        self.fc_mu = nn.Linear(f2 * 49, latent)
        self.fc_logvar = nn.Linear(f2 * 49, latent)
        self.fc_decode = nn.Linear(latent, f2 * 49)
        self.decoder = nn.Sequential(nn.ConvTranspose2d(f2, f1, 4, 2, 1), nn.ReLU(), nn.ConvTranspose2d(f1, 1, 4, 2, 1), nn.Sigmoid())

    def forward(self, x):
        h = self.encoder(x.view(-1, 1, 28, 28))
        mu, logvar = self.fc_mu(h), self.fc_logvar(h)
        z = mu + torch.randn_like(mu) * torch.exp(0.5 * logvar)
        recon = self.decoder(F.relu(self.fc_decode(z)).view(-1, self.f2, 7, 7))
        return recon.view(-1, 784), mu, logvar


def loss_function(recon, x, mu, logvar):
    bce = F.binary_cross_entropy(recon, x, reduction="sum")
    kl = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
    return bce + kl


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data-dir", default=os.environ.get("GENAI_FASHION_MNIST_DIR", "/usr/share/datasets/fashion-mnist"))
    p.add_argument("--model", choices=["mlp", "conv"], default="mlp")
    p.add_argument("--latent", type=int, default=20)
    p.add_argument("--epochs", type=int, default=10)
    p.add_argument("--batch-size", type=int, default=128)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--train-limit", type=int, default=0, help="use only the first N training images (quick mode)")
    p.add_argument("--test-limit", type=int, default=0)
    a = p.parse_args()

    torch.set_num_threads(a.threads)
    # torch.set_num_threads does not reach OpenBLAS (Debian's PyTorch calls it through libblas.so.3):
    # without this, a "1 thread" run computes its matrix products on every core.
    try:
        import ctypes
        ctypes.CDLL("libblas.so.3").openblas_set_num_threads(a.threads)
    except (OSError, AttributeError):
        pass
    torch.manual_seed(a.seed)
    train = load_images(a.data_dir, "train", a.train_limit)
    test = load_images(a.data_dir, "t10k", a.test_limit)
    model = VAE(a.latent) if a.model == "mlp" else ConvVAE(a.latent)
    opt = torch.optim.Adam(model.parameters(), lr=a.lr)
    print(f"config model {a.model} latent {a.latent} epochs {a.epochs} batch {a.batch_size} train {len(train)} test {len(test)} "
          f"threads {torch.get_num_threads()} torch {torch.__version__}", flush=True)

    test_loss = float("nan")
    for epoch in range(1, a.epochs + 1):
        model.train()
        start = time.perf_counter()
        perm = torch.randperm(len(train))
        total, steps = 0.0, 0
        for i in range(0, len(train), a.batch_size):
            x = train[perm[i:i + a.batch_size]]
            opt.zero_grad()
            recon, mu, logvar = model(x)
            loss = loss_function(recon, x, mu, logvar)
            loss.backward()
            opt.step()
            total += loss.item()
            steps += 1
        elapsed = time.perf_counter() - start
        model.eval()
        test_total = 0.0
        with torch.no_grad():
            for i in range(0, len(test), a.batch_size):
                x = test[i:i + a.batch_size]
                recon, mu, logvar = model(x)
                test_total += loss_function(recon, x, mu, logvar).item()
        test_loss = test_total / len(test)
        print(f"epoch {epoch} time_s {elapsed:.3f} ms_per_step {1000 * elapsed / steps:.3f} "
              f"train_loss {total / len(train):.4f} test_loss {test_loss:.4f}", flush=True)
    print(f"final_test_loss {test_loss:.4f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
