"""Attention cost of every registered memory variant at Wan's head shape (12 heads x 128), as ratios to plain RoPE.

One self-attention layer of Wan2.1-1.3B width (dim 1536) in the streaming setting: a query chunk of 3 latent
frames attends to a KV cache of `--cached` chunks plus itself, cameras given (so every camera path runs).
Timed: the whole processor call (q/k/v/o projections, q/k RMSNorm, RoPE/PM-RoPE, attention, residuals),
forward only, no grad, median of `--repeat` runs after a warm-up. Also timed: the bare attention core (one
SDPA call) so the attention share of the layer is visible. Iterates over ALL registered variants
(`remind.pm_rope.memory_variants()` after importing `remind.model`, so HyDRA appears when registered, and the
PM-RoPE forms of issue 13: `pm_rope` = all-pair phase + projective V/O, `pm_rope_concat`, `pm_rope_temporal`).

    OMP_NUM_THREADS=1 python bench/attention.py            # CPU-sized: 3 x 20 x 26 = 1,560 query tokens
"""
from __future__ import annotations

import argparse
import statistics
import time

import torch
import torch.nn.functional as Fn
from diffusers.models.transformers.transformer_wan import WanAttention, WanAttnProcessor

import remind.model  # noqa: F401  (registers every variant, HyDRA included when present)
from remind.kv_cache import KVCache
from remind.pm_rope import AttnContext, make_processor, memory_variants, rope_at


def timed(fn, repeat):
    fn()
    ts = []
    for _ in range(repeat):
        t = time.perf_counter(); fn(); ts.append(time.perf_counter() - t)
    return statistics.median(ts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--heads", type=int, default=12)
    ap.add_argument("--head-dim", type=int, default=128)
    ap.add_argument("--grid", type=int, nargs=2, default=(20, 26), help="token grid per latent frame (h, w)")
    ap.add_argument("--chunk", type=int, default=3)
    ap.add_argument("--cached", type=int, default=2, help="cached chunks the query chunk attends to")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    torch.manual_seed(0)
    dim, (h, w), ch = a.heads * a.head_dim, a.grid, a.chunk
    att = WanAttention(dim=dim, heads=a.heads, dim_head=a.head_dim, eps=1e-6, processor=WanAttnProcessor()).eval()
    tpf = h * w
    S = ch * tpf
    x = torch.randn(1, S, dim)
    cams = torch.randn(1, ch * (a.cached + 1), 14) * 0.3
    print(f"# attention bench: {a.heads} heads x {a.head_dim}, dim {dim}, query chunk {ch} x {h}x{w} = {S} tokens, "
          f"keys {S * (a.cached + 1)} ({a.cached} cached chunks + itself), threads {torch.get_num_threads()}")
    results = {}
    with torch.no_grad():
        q = torch.randn(1, a.heads, S, a.head_dim); kk = torch.randn(1, a.heads, S * (a.cached + 1), a.head_dim)
        core = timed(lambda: Fn.scaled_dot_product_attention(q, kk, kk), a.repeat)
        for name in memory_variants():
            try:
                proc = make_processor(name, att)
                for p in proc.parameters(): p.normal_(std=0.02)   # trained-like, so no path is skipped
                cache = KVCache(1)
                for c in range(a.cached):   # fill the cache through the variant itself
                    pos = torch.arange(c * ch, (c + 1) * ch)[None]
                    cache.open(c, pos[0], tpf, cams[:, c * ch:(c + 1) * ch])
                    proc(att, torch.randn(1, S, dim), ctx=AttnContext(pos, (ch, h, w), rope_at(pos, (h, w), a.head_dim),
                                                                   cams[:, c * ch:(c + 1) * ch], chunk=ch, cache=cache.layer(0),
                                                                   write_cache=True, chunk_id=c))
                    cache.commit()
                pos = torch.arange(a.cached * ch, (a.cached + 1) * ch)[None]
                ctx = AttnContext(pos, (ch, h, w), rope_at(pos, (h, w), a.head_dim), cams[:, a.cached * ch:], chunk=ch,
                                  cache=cache.layer(0), chunk_id=a.cached)
                results[name] = timed(lambda: proc(att, x, ctx=ctx), a.repeat)
            except Exception as e:  # a variant that cannot run this shape is reported, not fatal
                print(f"{name:>8}: failed: {type(e).__name__}: {e}")
    base = results.get("rope")
    print(f"{'attention core (1 SDPA)':>26}: {core * 1e3:8.1f} ms")
    for name, t in results.items():
        print(f"{name:>26}: {t * 1e3:8.1f} ms   ratio to rope {t / base:5.2f}x")
    if "pm_rope" in results and "dual" in results:
        print(f"pm_rope / rope = {results['pm_rope'] / base:.3f} (target <= 1.10); dual / rope = {results['dual'] / base:.3f}; "
              f"dual / pm_rope = {results['dual'] / results['pm_rope']:.3f}; attention core share of a rope layer = {core / base:.2f}")


if __name__ == "__main__":
    main()
