"""Which timestep shift fits the world's token count? Short base-model runs at several shifts, then generation quality.

    python bench/shift_sweep.py --shifts 1 2 3 5 --steps 800 --jobs 2     # ~25 min on the 2-core dev box

Wan and SD3 shift their noise levels by `s' = shift s / (1 + (shift - 1) s)` (shift 5 for Wan's 1,560 tokens per
latent frame): the more tokens, the more signal survives a given noise level, so more of training must sit at high
noise. The world has 16 tokens per frame, so the right shift is likely lower. Each run is the base recipe of
`remind.experiment.RECIPES["base"]` shortened to `--steps` on a `--clips` pool; each is then sampled the way it was
trained (Euler, `--euler` steps per chunk, at its own shift) on held-out clean controls (V2V and I2V), and the
script prints validation loss, PSNR / SSIM of the generated frames and the clean-control state progress, per shift.
Runs live in runs/bench/shift_<s>/ and are resumed, not repeated, when the script runs again.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np


def run_one(shift: float, steps: int, clips: int, out: Path) -> dict:
    from remind.experiment import recipe_config
    from remind.train import train
    cfg = recipe_config("base", out_dir=str(out), steps=steps, n_clips=clips, shift=shift, ckpt_every=200, val_every=steps,
                        progress=False)
    t0 = time.time()
    s = train(cfg)
    return {"shift": shift, "train_s": round(time.time() - t0, 1), "val_loss": s["last"].get("val_loss")}


def score(out: Path, n_tasks: int, euler: int) -> dict:
    from remind.evaluate import eval_tasks, load_model, generate_video, evaluate_video
    lm = load_model(out)
    tasks = eval_tasks(n_tasks, n_frames=lm.config["frames"], height=lm.config["height"], width=lm.config["width"],
                       interruptions=[None], kinds=("v2v", "i2v"))
    recs = [evaluate_video(generate_video(lm, t, steps=euler, sampler="euler", seed=i), t, lm.id, "x") for i, t in enumerate(tasks)]
    by = lambda kind, k: float(np.nanmean([r[k] for r in recs if r["kind"] == kind]))
    return {f"{kind}_{k}": round(by(kind, k), 3) for kind in ("v2v", "i2v") for k in ("psnr", "ssim", "progress")}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shifts", type=float, nargs="+", default=[1.0, 2.0, 3.0, 5.0])
    ap.add_argument("--steps", type=int, default=800)
    ap.add_argument("--clips", type=int, default=400)
    ap.add_argument("--tasks", type=int, default=12, help="held-out clean controls, half V2V, half I2V")
    ap.add_argument("--euler", type=int, default=30, help="Euler steps per chunk")
    ap.add_argument("--jobs", type=int, default=2, help="shifts trained side by side (one thread each)")
    ap.add_argument("--root", default="runs/bench")
    ap.add_argument("--one", type=float, help=argparse.SUPPRESS)   # worker mode: train and score one shift
    a = ap.parse_args()
    root = Path(a.root)
    if a.one is not None:
        out = root / f"shift_{a.one:g}"
        res = {**run_one(a.one, a.steps, a.clips, out), **score(out, a.tasks, a.euler)}
        (out / "sweep.json").write_text(json.dumps(res))
        return
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    todo = list(a.shifts)
    procs: list = []
    while todo or procs:
        while todo and len(procs) < a.jobs:
            s = todo.pop(0)
            procs.append(subprocess.Popen([sys.executable, __file__, "--one", str(s), "--steps", str(a.steps), "--clips", str(a.clips),
                                           "--tasks", str(a.tasks), "--euler", str(a.euler), "--root", str(root)], env=env))
        procs[0].wait(); procs = [p for p in procs if p.poll() is None]
    print(f"steps {a.steps}, pool {a.clips} clips, {a.tasks} clean controls, Euler x {a.euler}")
    print("| shift | train s | val loss | V2V PSNR | V2V SSIM | V2V progress | I2V PSNR | I2V SSIM | I2V progress |")
    print("|---|---|---|---|---|---|---|---|---|")
    for s in a.shifts:
        f = root / f"shift_{s:g}" / "sweep.json"
        if not f.is_file(): print(f"| {s:g} | failed (no {f}) |"); continue
        r = json.loads(f.read_text())
        print(f"| {s:g} | {r['train_s']} | {r['val_loss']:.4f} | {r['v2v_psnr']:.2f} | {r['v2v_ssim']:.3f} | {r['v2v_progress']:.0%} "
              f"| {r['i2v_psnr']:.2f} | {r['i2v_ssim']:.3f} | {r['i2v_progress']:.0%} |")


if __name__ == "__main__":
    main()
