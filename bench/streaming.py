"""Streaming with the KV cache vs recomputing the whole prefix for every chunk, over 7 chunks; cache bytes per chunk vs theory.

Both paths generate the same 7 chunks with the same few-step sampler and noise:
  * cache:     per chunk `steps` denoising passes over the chunk alone against the cache, then one clean pass
               that writes the chunk (`CausalWan.rollout`);
  * recompute: per chunk and step one chunk-causal forward over [clean prefix | noisy chunk] (no cache).
Their outputs agree (max |diff| printed). Cache bytes: the cache's own exact accounting after each chunk vs
the formula layers x 2 (k, v) x tokens x heads x head_dim x bytes (+ positions); and the theoretical figure for
wan2.1-1.3b at 480x832 in bf16 (DESIGN.md: ~6 GB for 21 latent frames).

    OMP_NUM_THREADS=1 python bench/streaming.py            # preset small, 32x32 latents (16x16 tokens per frame)
"""
from __future__ import annotations

import argparse
import time

import torch

from remind.model import PRESETS, CausalWan, chunk_causal_mask, sampler_sigmas


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--preset", default="small")
    ap.add_argument("--memory", default="pm_rope")
    ap.add_argument("--latent", type=int, nargs=2, default=(32, 32), help="latent h, w (tokens: h/2 x w/2)")
    ap.add_argument("--chunks", type=int, default=7)
    ap.add_argument("--steps", type=int, default=4)
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--dtype", default="float32", choices=("float32", "bfloat16"))
    ap.add_argument("--skip-recompute", action="store_true", help="only the cache path (e.g. wan2.1-1.3b at 60x104 on a GPU)")
    a = ap.parse_args()
    m = CausalWan.from_preset(a.preset, memory=a.memory, seed=0).eval().to(a.device, getattr(torch, a.dtype))
    sync = torch.cuda.synchronize if a.device.startswith("cuda") else (lambda: None)
    cfg = m.config
    B, C, ch, (hh, ww) = 1, cfg.in_channels, m.chunk, a.latent
    g = torch.Generator().manual_seed(0)
    text = torch.randn(B, 16, cfg.text_dim, generator=g)
    Ft = a.chunks * ch
    cams = torch.randn(B, Ft, 14, generator=g) * 0.3
    print(f"# streaming bench: preset {a.preset} ({cfg.num_layers} layers, {cfg.num_attention_heads}x{cfg.attention_head_dim}), "
          f"memory {a.memory}, {a.chunks} chunks x {ch} frames x {hh // 2}x{ww // 2} tokens, {a.steps} steps, threads {torch.get_num_threads()}")

    # cache path (the rollout), with per-chunk bytes
    t0 = time.perf_counter()
    vid, (cache,) = m.rollout(text, a.chunks, latent_shape=(C, hh, ww), cameras=cams, steps=a.steps,
                              generator=torch.Generator().manual_seed(1), return_cache=True)
    sync(); t_cache = time.perf_counter() - t0
    video_frames = 4 * (Ft - 1) + 1
    print(f"cache streaming : {t_cache:7.2f} s  ({t_cache / a.chunks:.2f} s/chunk, includes 1 clean pass per chunk); "
          f"{video_frames / t_cache:.2f} video frames/s (transformer only, no VAE/text encoder; {Ft} latent frames)")
    if a.skip_recompute: return

    # recompute path: same noise stream, the whole prefix in every forward
    sig = sampler_sigmas("few_step", a.steps, 5.0)
    gen = torch.Generator().manual_seed(1)
    out = []
    t0 = time.perf_counter()
    with torch.no_grad():
        tk = m.text_kv(text)
        for c in range(a.chunks):
            x = torch.randn(B, C, ch, hh, ww, generator=gen).to(a.device)
            n = (c + 1) * ch
            for k, s in enumerate(sig):
                seq = torch.cat(out + [x], 2)
                sigmas = torch.cat([torch.zeros(B, c * ch), torch.full((B, ch), s)], 1)
                u = m(seq, sigmas, torch.arange(n)[None], None, cams[:, :n], text_kv=tk)[:, :, -ch:]
                x0 = x - s * u
                if k + 1 < len(sig):
                    x = (1 - sig[k + 1]) * x0 + sig[k + 1] * torch.randn(x.shape, generator=gen).to(a.device)
            out.append(x0)
    sync(); t_re = time.perf_counter() - t0
    diff = (torch.cat(out, 2) - vid).abs().max().item()
    print(f"recompute prefix: {t_re:7.2f} s  ({t_re / a.chunks:.2f} s/chunk)")
    print(f"speed-up recompute/cache = {t_re / t_cache:.2f}x; max |cache - recompute| = {diff:.2e}")

    # bytes
    tokens = ch * (hh // 2) * (ww // 2)
    el = torch.tensor([], dtype=m.dtype).element_size()
    theory = cfg.num_layers * 2 * B * tokens * cfg.num_attention_heads * cfg.attention_head_dim * el
    per = [cache.entry_bytes(c) for c in cache.chunk_ids]
    print(f"cache bytes per chunk: measured {per[0]} (incl. {per[0] - theory} bytes positions+cameras), "
          f"theory k+v {theory}; total {cache.nbytes} for {len(cache)} chunks = {cache.nbytes / len(cache):.0f}/chunk")
    w = PRESETS["wan2.1-1.3b"]
    wan = w["num_layers"] * 2 * 3 * 30 * 52 * w["num_attention_heads"] * w["attention_head_dim"] * 2
    print(f"theory wan2.1-1.3b, 480x832, bf16: {wan / 1e6:.1f} MB per chunk (4,680 tokens), {7 * wan / 1e9:.2f} GB for 7 chunks (21 latent frames)")


if __name__ == "__main__":
    main()
