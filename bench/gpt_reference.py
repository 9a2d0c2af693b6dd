#!/usr/bin/python3
"""PyTorch reference for `genai bench gpt`: the same character-level GPT and training loop as GenAI.Models' Gpt and
GptTrainer, written the way nanoGPT (Karpathy) writes them, so the two can be compared in one benchmark run.

Model (parameter names as GenAI's Gpt, so its safetensors load here; see tests/.../gpt_oracle.py): token + learned position embeddings, `layers` pre-LN blocks (causal multi-head self-attention with one fused
q/k/v projection, MLP 4*C with GELU), final LayerNorm, linear head without bias and without weight tying; GPT-2's
initialisation (N(0, 0.02), residual projections scaled by 1/sqrt(2*layers)). Training: random windows drawn with
torch.randint, AdamW (decay on tensors with >= 2 dims only), linear warm-up then cosine decay to min_lr, gradient
clipping, evaluation of both splits (eval_iters random batches each) at step 0, every eval_interval steps and at the end.
Data: the characters of --text, sorted; first 90 % train, last 10 % validation (nanoGPT's split).

Output: `step N: train loss X, val loss Y, lr Z (S s)` per evaluation, then
`time T s, M ms per iteration (median)` and last `val loss X`. Runs with Debian's python3-torch (/usr/bin/python3).
PyTorch < 2.0 has no fused scaled_dot_product_attention; then attention is written out, as nanoGPT's fallback does.
"""
import argparse
import math
import statistics
import time

import torch
import torch.nn.functional as F
from torch import nn


class LayerNorm(nn.Module):
    """LayerNorm with an optional bias (PyTorch < 2.1 cannot switch it off), as nanoGPT's."""

    def __init__(self, ndim, bias):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(ndim))
        self.bias = nn.Parameter(torch.zeros(ndim)) if bias else None

    def forward(self, x):
        return F.layer_norm(x, self.weight.shape, self.weight, self.bias, 1e-5)


class CausalSelfAttention(nn.Module):
    def __init__(self, c, heads, block_size, dropout, bias):
        super().__init__()
        self.qkv = nn.Linear(c, 3 * c, bias=bias)
        self.proj = nn.Linear(c, c, bias=bias)
        self.attn_dropout = nn.Dropout(dropout)
        self.resid_dropout = nn.Dropout(dropout)
        self.heads, self.dropout = heads, dropout
        self.fused = hasattr(F, "scaled_dot_product_attention")
        if not self.fused:
            self.register_buffer("mask", torch.tril(torch.ones(block_size, block_size)).view(1, 1, block_size, block_size), persistent=False)

    def forward(self, x):
        b, t, c = x.shape
        q, k, v = self.qkv(x).split(c, dim=2)
        q, k, v = (z.view(b, t, self.heads, c // self.heads).transpose(1, 2) for z in (q, k, v))   # [B, H, T, hd]
        if self.fused:
            y = F.scaled_dot_product_attention(q, k, v, dropout_p=self.dropout if self.training else 0, is_causal=True)
        else:
            att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(k.size(-1)))
            att = att.masked_fill(self.mask[:, :, :t, :t] == 0, float("-inf"))
            y = self.attn_dropout(F.softmax(att, dim=-1)) @ v
        y = y.transpose(1, 2).contiguous().view(b, t, c)
        return self.resid_dropout(self.proj(y))


class MLP(nn.Module):
    def __init__(self, c, dropout, bias):
        super().__init__()
        self.c_fc = nn.Linear(c, 4 * c, bias=bias)
        self.c_proj = nn.Linear(4 * c, c, bias=bias)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        return self.dropout(self.c_proj(F.gelu(self.c_fc(x))))


class Block(nn.Module):
    def __init__(self, c, heads, block_size, dropout, bias):
        super().__init__()
        self.ln_1 = LayerNorm(c, bias)
        self.attn = CausalSelfAttention(c, heads, block_size, dropout, bias)
        self.ln_2 = LayerNorm(c, bias)
        self.mlp = MLP(c, dropout, bias)

    def forward(self, x):
        x = x + self.attn(self.ln_1(x))
        return x + self.mlp(self.ln_2(x))


class GPT(nn.Module):
    def __init__(self, vocab, block_size, layers, heads, c, dropout, bias):
        super().__init__()
        self.block_size = block_size
        self.wte = nn.Embedding(vocab, c)
        self.wpe = nn.Embedding(block_size, c)
        self.drop = nn.Dropout(dropout)
        self.h = nn.ModuleList([Block(c, heads, block_size, dropout, bias) for _ in range(layers)])
        self.ln_f = LayerNorm(c, bias)
        self.lm_head = nn.Linear(c, vocab, bias=False)
        for m in self.modules():
            if isinstance(m, (nn.Linear, nn.Embedding)):
                nn.init.normal_(m.weight, 0.0, 0.02)
            if isinstance(m, nn.Linear) and m.bias is not None:
                nn.init.zeros_(m.bias)
        for name, p in self.named_parameters():
            if name.endswith("proj.weight"):
                nn.init.normal_(p, 0.0, 0.02 / math.sqrt(2 * layers))

    def logits(self, idx):
        t = idx.size(1)
        x = self.drop(self.wte(idx) + self.wpe(torch.arange(t, dtype=torch.long)))
        for block in self.h:
            x = block(x)
        return self.lm_head(self.ln_f(x))

    def forward(self, idx, targets):
        logits = self.logits(idx)
        return F.cross_entropy(logits.view(-1, logits.size(-1)), targets.view(-1))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--text", required=True)
    p.add_argument("--block-size", type=int, default=64)
    p.add_argument("--batch-size", type=int, default=12)
    p.add_argument("--layers", type=int, default=4)
    p.add_argument("--heads", type=int, default=4)
    p.add_argument("--embd", type=int, default=128)
    p.add_argument("--iters", type=int, default=2000)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--min-lr", type=float, default=1e-4)
    p.add_argument("--lr-decay-iters", type=int, default=2000)
    p.add_argument("--warmup-iters", type=int, default=100)
    p.add_argument("--beta1", type=float, default=0.9)
    p.add_argument("--beta2", type=float, default=0.99)
    p.add_argument("--weight-decay", type=float, default=0.1)
    p.add_argument("--grad-clip", type=float, default=1.0)
    p.add_argument("--dropout", type=float, default=0.0)
    p.add_argument("--no-bias", action="store_true")
    p.add_argument("--eval-iters", type=int, default=20)
    p.add_argument("--eval-interval", type=int, default=250)
    p.add_argument("--seed", type=int, default=1337)
    p.add_argument("--threads", type=int, default=0)
    a = p.parse_args()

    if a.threads > 0:
        torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    with open(a.text, encoding="utf-8") as f:
        text = f.read().replace("\r\n", "\n")
    chars = sorted(set(text))
    index = {ch: i for i, ch in enumerate(chars)}
    data = torch.tensor([index[ch] for ch in text], dtype=torch.long)
    n = int(0.9 * len(data))
    splits = {"train": data[:n], "val": data[n:]}

    def get_batch(split):
        d = splits[split]
        ix = torch.randint(len(d) - a.block_size, (a.batch_size,))
        x = torch.stack([d[i:i + a.block_size] for i in ix])
        y = torch.stack([d[i + 1:i + 1 + a.block_size] for i in ix])
        return x, y

    model = GPT(len(chars), a.block_size, a.layers, a.heads, a.embd, a.dropout, not a.no_bias)
    params = list(model.parameters())
    groups = [{"params": [q for q in params if q.dim() >= 2], "weight_decay": a.weight_decay},
              {"params": [q for q in params if q.dim() < 2], "weight_decay": 0.0}]
    optimizer = torch.optim.AdamW(groups, lr=a.lr, betas=(a.beta1, a.beta2))
    print(f"PyTorch {torch.__version__}, {torch.get_num_threads()} threads, "
          f"{sum(q.numel() for q in params)} parameters, fused attention {model.h[0].attn.fused}", flush=True)

    def lr_at(it):
        if it < a.warmup_iters:
            return a.lr * (it + 1) / (a.warmup_iters + 1)
        if it > a.lr_decay_iters:
            return a.min_lr
        ratio = (it - a.warmup_iters) / max(1, a.lr_decay_iters - a.warmup_iters)
        return a.min_lr + 0.5 * (1.0 + math.cos(math.pi * ratio)) * (a.lr - a.min_lr)

    @torch.no_grad()
    def estimate(split):
        model.eval()
        losses = [model(*get_batch(split)).item() for _ in range(a.eval_iters)]
        model.train()
        return sum(losses) / len(losses)

    start = time.perf_counter()
    step_ms = []
    last_val = float("nan")

    def evaluate(step):
        nonlocal last_val
        tr, last_val = estimate("train"), estimate("val")
        print(f"step {step}: train loss {tr:.4f}, val loss {last_val:.4f}, lr {lr_at(step):.3e} ({time.perf_counter() - start:.1f} s)", flush=True)

    model.train()
    for it in range(a.iters):
        if it % a.eval_interval == 0:
            evaluate(it)
        t0 = time.perf_counter()
        for g in optimizer.param_groups:
            g["lr"] = lr_at(it)
        x, y = get_batch("train")
        loss = model(x, y)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        if a.grad_clip > 0:
            torch.nn.utils.clip_grad_norm_(model.parameters(), a.grad_clip)
        optimizer.step()
        loss.item()
        step_ms.append((time.perf_counter() - t0) * 1000)
    evaluate(a.iters)
    median = statistics.median(step_ms) if step_ms else 0.0
    print(f"time {time.perf_counter() - start:.1f} s, {median:.1f} ms per iteration (median)")
    print(f"val loss {last_val:.4f}")


if __name__ == "__main__":
    main()
