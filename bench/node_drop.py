"""Node-drop sampling against plain sampling, rollouts on held-out interrupted tasks, paired task by task.

    OMP_NUM_THREADS=1 python bench/node_drop.py remind=runs/gpu/ft-long/remind-s0/checkpoints/step_0009000 \\
        base=models/world-base-gpu --ema remind --tasks 150 [--history-guidance 2] --records bench/results-node-drop/records.jsonl

Every checkpoint streams each interrupted val task twice with the same noise (`remind.evaluate.compare_variants`, Euler
x 12): plainly, and with `node_drop=True`, where each chunk the model drew that holds interruption frames enters its KV
cache as pure noise, as the curriculum's node-drop regime writes an interruption's chunks in training (`--levels 0.5,0.8`:
at those noise levels instead, as the noisy-memory regime corrupts cached chunks; each level paired with plain). Each video is
scored by `remind.metrics.evaluate_video`; the script prints, for V2V and I2V apart, progress, `resumed` (progress
where the video hid the state), `hid` and `shown` (the two halves of observation control), and node-drop minus plain
per task with a percentile bootstrap 95% interval over tasks (`recovery_probe.paired_difference`). Clean controls are
left out: they have no interruption to drop.
"""
from __future__ import annotations

import argparse
import json
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from recovery_probe import paired_difference   # noqa: E402  (a sibling bench script)

KEYS = ("progress", "resumed", "hid", "shown")


def suffix(level: float) -> str:
    "The variant suffix of node-drop at `level` (1: pure noise, the curriculum's node-drop)."
    return "+node-drop" if level == 1 else f"+node-drop@{level:g}"


def score(name: str, ckpt: str, tasks, euler: int, history_guidance: float, ema: bool, level: float) -> list[dict]:
    "One record per task (`compare_variants`), variant `name` (level 0: plain) or `name+node-drop[@level]`."
    from remind.evaluate import compare_variants
    v = name + suffix(level) if level else name
    node_drop = True if level == 1 else level if level else False
    recs, _ = compare_variants({v: ckpt}, tasks, steps=euler, sampler="euler", include_base=False, include_codec=False,
                               history_guidance=history_guidance, ema=[v] if ema else (), node_drop=node_drop)
    return recs


def report(records: list[dict], names, level: float = 1.0) -> dict:
    "Per name and kind: each key's mean (%) for plain and node-drop at `level`, and node-drop minus plain, paired over tasks."
    out = {}
    for name in names:
        for kind in ("v2v", "i2v"):
            a = [r for r in records if r["variant"] == name and r["kind"] == kind]
            b = [r for r in records if r["variant"] == name + suffix(level) and r["kind"] == kind]
            if not a or not b: continue
            row = {"n": len(a)}
            for k in KEYS:
                m = lambda rs: round(100 * float(np.nanmean([r[k] for r in rs])), 1)
                row[k] = dict(plain=m(a), node_drop=m(b), paired=paired_difference(a, b, k) if k in ("progress", "resumed") else None)
            out[f"{name}{suffix(level)} {kind}"] = row
            print(f"{name}{suffix(level)} {kind} ({len(a)} tasks): " + "; ".join(
                f"{k} {row[k]['plain']:.1f} -> {row[k]['node_drop']:.1f}" + (f" ({row[k]['paired']['diff']:+.1f} [{row[k]['paired']['lo']:+.1f}, {row[k]['paired']['hi']:+.1f}])" if row[k]["paired"] else "")
                for k in KEYS))
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("checkpoints", nargs="+", help="name=path")
    ap.add_argument("--tasks", type=int, default=150, help="val tasks drawn (4/5 interrupted, every family and process; clean ones left out)")
    ap.add_argument("--euler", type=int, default=12)
    ap.add_argument("--history-guidance", type=float, default=1.0, help="history guidance weight of every drawn chunk (1: off)")
    ap.add_argument("--ema", default="", help="comma list of names scored with their runs' EMA weights")
    ap.add_argument("--records", default="", help="append the records here (JSON lines)")
    ap.add_argument("--levels", default="1", help="comma list of noise levels in (0, 1] the interruption's chunks enter the cache at (1: pure noise)")
    args = ap.parse_args(argv)
    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "1")))
    from remind.evaluate import eval_tasks
    from remind.metrics import nan_to_none
    tasks = [t for t in eval_tasks(args.tasks, split="val", n_frames=45, height=64, width=64) if t.clip.events]
    ck = dict(c.split("=", 1) for c in args.checkpoints)
    ema = [n for n in args.ema.split(",") if n]
    if unknown := sorted(set(ema) - set(ck)): raise SystemExit(f"node_drop: --ema names {unknown}, expected some of {sorted(ck)}")
    print(f"{len(tasks)} interrupted val tasks, Euler x {args.euler}" + (f", history guidance {args.history_guidance}" if args.history_guidance != 1 else ""))
    levels = [float(x) for x in args.levels.split(",") if x.strip()]
    if not levels or not all(0 < x <= 1 for x in levels): raise SystemExit(f"node_drop: --levels expects levels in (0, 1], got {args.levels!r}")
    records = []
    for name, path in ck.items():
        for level in (0.0, *levels):
            records += score(name, path, tasks, args.euler, args.history_guidance, name in ema, level)
    if args.records:
        os.makedirs(os.path.dirname(args.records) or ".", exist_ok=True)
        with open(args.records, "a") as f:
            for r in records: f.write(json.dumps(nan_to_none(r)) + "\n")   # appended: several calls share a file
    for level in levels: report(records, list(ck), level)


if __name__ == "__main__":
    sys.exit(main())
