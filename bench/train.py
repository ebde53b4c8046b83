"""Training throughput of remind's trainer step (forward + backward + AdamW) in latent tokens per second.

    python bench/train.py                 # tiny and small presets on CPU (64x64, 81 frames, batch 2)
    python bench/train.py --gpu           # also wan2.1-1.3b at 480x832, 81 frames, bf16, gradient checkpointing, with MFU

A latent token is one transformer token: one 2x2 patch of one latent frame (480x832 -> 30x52 = 1,560 per
frame; 64x64 -> 4x4 = 16). Tokens per step count every frame of the curriculum sequence the model sees.
Timing covers `micro_loss` + backward + clip + AdamW on a fixed, pre-built batch (data building is excluded).
MFU = model FLOPs per second / the GPU's peak dense bf16 FLOP/s, with model FLOPs = 3 x forward FLOPs
(forward: 2 x matmul parameters x tokens + 4 x layers x dim x (query-key pairs allowed by the mask)).
"""
from __future__ import annotations

import argparse
import math
import os
import time

import numpy as np
import torch

from remind.curriculum import collate, make_curriculum
from remind.train import TrainConfig, build_model, micro_loss, trainable_parameters, Example, caption_embedding, _autocast_enabled
from remind.graphs import build_frame_graph

PEAK_BF16 = {"H100": 989e12, "H200": 989e12, "A100": 312e12}   # dense bf16 tensor-core FLOP/s (SXM)


def synthetic_batch(cfg: TrainConfig, model, regime: str = "all_history") -> dict:
    "One collated batch of `cfg.batch` clean clips (random latents; a graph without events) laid out by `regime`."
    C, F = model.config.in_channels, (cfg.frames - 1) // 4 + 1
    h, w = cfg.height // 8, cfg.width // 8
    g = torch.Generator().manual_seed(0)
    graph = build_frame_graph(cfg.frames, [])
    cur = make_curriculum("i2v_aligned", weights={regime: 1.0}, shift=cfg.shift)
    cases = []
    for b in range(cfg.batch):
        ex = Example(f"bench-{b}", torch.randn(C, F, h, w, generator=g), None, graph, torch.zeros(F, 14),
                     caption_embedding("bench", 8, model.config.text_dim))
        ex.clean_latents = ex.latents
        cases.append(cur.sample(ex, np.random.default_rng(b), text_dim=model.config.text_dim))
    return collate(cases)


def forward_flops(model, batch) -> float:
    "Forward FLOPs of one batch: dense matmuls over all tokens plus attention over the pairs the frame mask allows."
    cfg = model.config
    B, _, F, h, w = batch["latents"].shape
    tok_f = (h // cfg.patch_size[1]) * (w // cfg.patch_size[2])
    n_tok = B * F * tok_f
    dim = cfg.num_attention_heads * cfg.attention_head_dim
    per_layer = 4 * dim * dim + 2 * dim * cfg.ffn_dim + 2 * dim * dim   # self-attn qkvo, ffn, cross-attn q/o (text k/v small)
    dense = 2 * per_layer * cfg.num_layers * n_tok
    pairs = float(batch["frame_mask"].sum()) * tok_f * tok_f           # allowed (query, key) token pairs over the batch
    attn = 4 * dim * pairs * cfg.num_layers                              # QK^T and PV
    return dense + attn


def bench(preset: str, frames: int, height: int, width: int, batch: int, precision: str, gc: bool, device: str,
          steps: int, warm: int) -> dict:
    cfg = TrainConfig(preset=preset, frames=frames, height=height, width=width, batch=batch, precision=precision,
                      grad_checkpointing=gc, progress=False)
    model = build_model(cfg).to(device).train()
    b = synthetic_batch(cfg, model)
    params = [p for _, p in trainable_parameters(model)]
    opt = torch.optim.AdamW(params, lr=1e-5, foreach=device != "cpu")
    ac = _autocast_enabled(cfg, torch.device(device))
    sync = (lambda: torch.cuda.synchronize()) if device.startswith("cuda") else (lambda: None)
    times = []
    for i in range(warm + steps):
        sync(); t = time.perf_counter()
        opt.zero_grad(set_to_none=True)
        loss, _ = micro_loss(model, b, cfg, 0, list(range(batch)), ac, device)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        sync(); times.append(time.perf_counter() - t)
    dt = float(np.median(times[warm:]))
    B, _, F, h, w = b["latents"].shape
    tokens = B * F * (h // 2) * (w // 2)
    out = dict(preset=preset, size=f"{height}x{width}x{frames}f", batch=batch, seq_frames=F, tokens=tokens,
               params_m=sum(p.numel() for p in model.parameters()) / 1e6, step_s=dt, tok_s=tokens / dt,
               precision="bf16" if ac else "fp32", gc=gc, device=device)
    out["tflops"] = 3 * forward_flops(model, b) / dt / 1e12
    if device.startswith("cuda"):
        name = torch.cuda.get_device_name()
        peak = next((v for k, v in PEAK_BF16.items() if k in name), None)
        out["mfu"] = out["tflops"] * 1e12 / peak if peak else float("nan")
        out["mem_gb"] = torch.cuda.max_memory_allocated() / 2**30
    return out


def show(r: dict):
    extra = f", MFU {100 * r['mfu']:.1f}%, peak mem {r['mem_gb']:.1f} GiB" if "mfu" in r else ""
    print(f"{r['preset']:>12} {r['size']:>14} batch {r['batch']} ({r['seq_frames']} seq frames, {r['tokens']} tokens, "
          f"{r['params_m']:.2f}M params, {r['precision']}{', grad ckpt' if r['gc'] else ''}, {r['device']}): "
          f"{r['step_s'] * 1e3:.1f} ms/step, {r['tok_s']:,.0f} latent tokens/s, {r['tflops']:.3g} TFLOP/s{extra}", flush=True)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gpu", action="store_true", help="also run wan2.1-1.3b at 480x832 on CUDA")
    ap.add_argument("--gpu-only", action="store_true")
    ap.add_argument("--steps", type=int, default=5)
    a = ap.parse_args()
    print(f"torch {torch.__version__}, {torch.get_num_threads()} CPU threads, cuda: {torch.cuda.is_available()}")
    if not a.gpu_only:
        for preset in ("tiny", "small"):
            show(bench(preset, 81, 64, 64, 2, "fp32", False, "cpu", a.steps, 2))
    if (a.gpu or a.gpu_only) and torch.cuda.is_available():
        print(torch.cuda.get_device_name())
        show(bench("small", 81, 480, 832, 1, "bf16", False, "cuda", a.steps, 2))
        show(bench("wan2.1-1.3b", 81, 480, 832, 1, "bf16", True, "cuda", a.steps, 2))
