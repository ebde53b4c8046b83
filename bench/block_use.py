"""How much each block of a grown model does: the copies that block expansion added, against the blocks they copied.

    python bench/block_use.py runs/gpu/ft-inflate-deep/remind-s0 [CKPT ...] [--tasks 90]

A model grown by `remind.model.deepen` starts with every added block's output projections at zero, so those blocks
add nothing to the residual stream until the fine-tune moves them. This prints, per block of each checkpoint (EMA
weights unless `--no-ema`):
- `|w|`: the mean absolute weight of the block's three output projections (`remind.model.OUTPUT_PROJECTIONS`), and
- `update`: the median over the block's calls of `|block(x) - x| / |x|`, the size of what it adds to the residual stream
  relative to the stream, in rollouts of the clean and interrupted val tasks among the first `--tasks` of `09_results`'
  inflate cycle (Euler x 12, history guidance w = 2, as the tables sample; one seed per task),
then the added blocks' mean of each as a share of the original blocks' mean. A share near 0 says the added capacity
is not in use; near 1, that the copies work as much as the blocks they copy.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections import defaultdict

import numpy as np
import torch


def block_use(ckpt: str, tasks, ema: bool = True, steps: int = 12, w: float = 2.0) -> dict:
    "Per block: mean |w| of its output projections, and the median relative residual update over its calls in the rollouts of `tasks`."
    from remind import model as M
    from remind.evaluate import generate_video, load_model
    lm = load_model(ckpt, ema=ema)
    blocks = list(lm.model.transformer.blocks)
    index = {id(b): i for i, b in enumerate(blocks)}
    weight = [float(np.mean([b.get_submodule(p).weight.abs().mean().item() for p in M.OUTPUT_PROJECTIONS])) for b in blocks]
    updates, original = defaultdict(list), M.CausalWan._block

    def recording(self, block, x, *args):
        y = original(self, block, x, *args)
        updates[index[id(block)]].append(float((y.float() - x.float()).norm() / x.float().norm().clamp_min(1e-12)))
        return y

    M.CausalWan._block = recording
    try:
        for i, t in enumerate(tasks):
            generate_video(lm, t, steps, "euler", seed=i, history_guidance=w)
            print(f"  {i + 1}/{len(tasks)}", end="\r", file=sys.stderr, flush=True)
    finally: M.CausalWan._block = original
    return {"checkpoint": lm.id, "preset": lm.config.get("preset"), "weight": weight, "update": [float(np.median(updates[i])) for i in range(len(blocks))]}


def added(n_blocks: int, n_base: int) -> list[bool]:
    "Which blocks `deepen` added when it grew `n_base` blocks to `n_blocks`: all but every `n_blocks // n_base`-th."
    if n_blocks % n_base: raise SystemExit(f"block_use: {n_blocks} blocks are not a multiple of the base's {n_base}")
    k = n_blocks // n_base
    return [i % k != 0 for i in range(n_blocks)]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("checkpoints", nargs="+")
    ap.add_argument("--tasks", type=int, default=90, help="tasks of the val cycle to take the clean and interrupted ones from")
    ap.add_argument("--base-layers", type=int, default=6, help="blocks of the model that was grown (the GPU base: 6)")
    ap.add_argument("--no-ema", action="store_true")
    a = ap.parse_args(argv)
    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "1")))
    from remind.experiment import results_tasks
    tasks = results_tasks(a.tasks, processes="inflate", split="val")
    print(f"{len(tasks)} val tasks (inflate; clean and interrupted, I2V and V2V), Euler x 12, w = 2")
    for ck in a.checkpoints:
        r = block_use(ck, tasks, ema=not a.no_ema)
        new = added(len(r["weight"]), a.base_layers)
        print(r["checkpoint"], f"({r['preset']}, {len(new)} blocks)")
        print("  block  " + " ".join(f"{i:>6d}{'*' if n else ' '}" for i, n in enumerate(new)), "  (* added)")
        print("  |w|    " + " ".join(f"{x:7.4f}" for x in r["weight"]))
        print("  update " + " ".join(f"{x:7.3f}" for x in r["update"]))
        for key in ("weight", "update"):
            v = np.array(r[key]); m = np.array(new)
            print(f"  added / original, mean {key}: {v[m].mean():.4f} / {v[~m].mean():.4f} = {v[m].mean() / v[~m].mean():.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
