"""Samples/s the training data path loads vs what a GPU consumes, for wan2.1-1.3b at 480x832, 81 frames (issue 15).

Builds a few world clips into shards at full size (build_shards, `--build-workers` processes), then times the
trainer's step loader (`remind.train.step_batches` over `ShardData`: read latents, curriculum case, collate) in the
training process and with `--workers` DataLoader workers. "Consumed" is not measured here (no GPU): it is the model
FLOPs of one 1.3B training sample (remind.train.memory_plan) at an assumed MFU on one H100 (989 dense bf16 TFLOP/s).

    OMP_NUM_THREADS=1 python bench/loader.py --n 3 --workers 2
"""
from __future__ import annotations
import argparse, shutil, tempfile, time
from dataclasses import replace
from pathlib import Path

from remind import data as D
from remind.train import TrainConfig, ShardData, step_batches, memory_plan


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=3, help="world clips to build")
    ap.add_argument("--steps", type=int, default=12)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--build-workers", type=int, default=2)
    ap.add_argument("--mfu", type=float, default=0.4)
    a = ap.parse_args()
    d = Path(tempfile.mkdtemp(prefix="remind-loader-"))
    t0 = time.perf_counter()
    rep = D.build_shards(D.WorldSource(a.n, "train"), d, D.BuildConfig(fmt=D.ClipFormat(n_frames=81, height=480, width=832), shard_size=1,
                                                                        latent_dtype="bfloat16"),
                         text_encoder=D.NoTextEncoder(4096), log=None, workers=a.build_workers)
    tb = time.perf_counter() - t0
    print(f"build: {rep.n_samples} samples of 81 frames at 480x832 in {tb:.1f} s with {a.build_workers} processes "
          f"({rep.n_samples / tb:.2f} samples/s; {len(rep.skipped)} skipped)")
    cfg = TrainConfig(data=str(d), preset="wan2.1-1.3b", frames=81, height=480, width=832, n_val_clips=0, batch=1, steps=a.steps, progress=False)
    data = ShardData(cfg, 4096, 16)
    for w in (0, a.workers):
        it = step_batches(data, replace(cfg, num_workers=w), 0)
        b, _ = next(it)                                                          # workers started, first batch built
        t0 = time.perf_counter(); n = 1 + sum(1 for _ in it); t = time.perf_counter() - t0
        print(f"loaded, {w} workers: {(n - 1) / t:.2f} samples/s (batch latents {list(b['latents'].shape)}, {b['latents'].numel() * 4 / 1e6:.0f} MB fp32)")
    q = memory_plan("wan2.1-1.3b", "single", 1, 480, 832, 81, 1, "bf16", True)
    rate = a.mfu * 989e12 / q["train_flops_per_sample"]
    print(f"consumed (estimate, not measured): {q['train_flops_per_sample'] / 1e12:.0f} TFLOP per sample -> {rate:.2f} samples/s per H100 at "
          f"{100 * a.mfu:.0f}% MFU")
    shutil.rmtree(d, ignore_errors=True)


if __name__ == "__main__":
    main()
