"""Which way does the caption push an I2V rollout? Caption guidance weights on held-out I2V tasks, no training.

    OMP_NUM_THREADS=1 python bench/caption_guidance.py runs/gpu/ft-inflate-cd/remind-s0 --weights 0 1 2 --tasks 225 --split val

Caption guidance (`rollout_inputs(caption_guidance=s)`: `u(blank) + s (u(caption) - u(blank))`, added to history
guidance's term when both are on) needs a run trained with caption dropout. On the inflate line's test tasks s = 2 drew
the ball further behind the truth than s = 1 (`bench/README.md`, "Caption guidance where history guidance cannot
reach"). This asks why on the val split, so nothing here chooses a test-split setting: s = 0 is the blank caption
alone, s = 1 the caption alone, and the difference between them is the direction guidance extrapolates along.

It scores the I2V tasks among the first `--tasks` of `09_results`' task cycle (`results_tasks`, `--processes`), with
the run's EMA weights, Euler x `--steps`, history guidance `--history-guidance` (the table's 2), each task drawn from
the same seed at every weight (paired), and prints per weight: state progress, hid-and-resumed and frozen on the
interrupted I2V tasks, progress on the clean ones, and the median `carried` of each (1: the truth's change, 0: the
state where the interruption began; for clean controls the window the table reads), with how many misses fall short of
the truth or beyond it. `--out J` writes every record (each with its `caption_guidance`).
"""
from __future__ import annotations

import argparse
import math
import os
import sys
import time

import numpy as np
import torch

from remind.metrics import carried_summary

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from recovery_probe import paired_difference  # noqa: E402


def fmt(x, spec: str) -> str:
    "`x` formatted, or '-' where it is undefined (None or NaN)."
    return "-" if x is None or (isinstance(x, float) and math.isnan(x)) else format(x, spec)


def summary(recs: list[dict]) -> dict:
    "Progress, hid-and-resumed and frozen of interrupted I2V records, progress of the clean ones, and `carried` of both."
    out = {}
    for name, keep in (("interrupted", lambda r: r["interruption"] != "none"), ("clean", lambda r: r["interruption"] == "none")):
        sel = [r for r in recs if keep(r)]
        defined = lambda k: [float(r[k]) for r in sel if r.get(k) is not None and not math.isnan(float(r[k]))]
        rate = lambda k: float(np.mean(defined(k))) if defined(k) else float("nan")
        car = carried_summary(sel)
        out[name] = {"n": len(sel), "progress": rate("progress"), "frozen": rate("frozen"),
                     "resumed": rate("resumed") if name == "interrupted" else None,
                     "carried_median": car["median"] if car["n"] else None, "short": car["short"], "over": car["over"]}
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("checkpoint", help="a run folder trained with caption_dropout > 0")
    ap.add_argument("--weights", type=float, nargs="+", default=[0.0, 1.0, 2.0])
    ap.add_argument("--tasks", type=int, default=225, help="the first N tasks of 09_results' cycle; their I2V ones are scored")
    ap.add_argument("--split", default="val")
    ap.add_argument("--processes", default="inflate")
    ap.add_argument("--steps", type=int, default=12)
    ap.add_argument("--history-guidance", type=float, default=2.0)
    ap.add_argument("--no-ema", action="store_true", help="score the raw weights, not the run's EMA")
    ap.add_argument("--out", help="records.jsonl to write")
    a = ap.parse_args(argv)
    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "1")))
    from remind.evaluate import compare_variants
    from remind.experiment import results_tasks
    from remind.metrics import write_records
    tasks = [t for t in results_tasks(a.tasks, processes=a.processes, split=a.split) if t.kind == "i2v"]
    if not tasks: raise SystemExit(f"caption_guidance: no I2V task among the first {a.tasks} of the {a.split} split")
    records, by_w = [], {}
    for w in a.weights:
        t0 = time.time()
        recs, _ = compare_variants({"model": a.checkpoint}, tasks, steps=a.steps, sampler="euler", include_base=False,
                                   include_codec=False, history_guidance=a.history_guidance, caption_guidance=w,
                                   ema=() if a.no_ema else ["model"], log=lambda *x: None)
        records += recs
        by_w[w] = recs
        s = summary(recs)
        i, c = s["interrupted"], s["clean"]
        print(f"s = {w:g} ({time.time() - t0:.0f} s): interrupted I2V ({i['n']}) progress {fmt(i['progress'], '.1%')}, hid and resumed "
              f"{fmt(i['resumed'], '.1%')}, frozen {fmt(i['frozen'], '.1%')}, carried {fmt(i['carried_median'], '.2f')} (misses {i['short']} short / {i['over']} over) | "
              f"clean I2V ({c['n']}) progress {fmt(c['progress'], '.1%')}, carried {fmt(c['carried_median'], '.2f')} ({c['short']} / {c['over']})", flush=True)
    if 1.0 in by_w:
        base = by_w[1.0]
        for w, recs in by_w.items():
            if w == 1.0: continue
            for k in ("progress", "resumed"):
                a_, b_ = [[r for r in rs if r.get(k) is not None and not math.isnan(r[k])] for rs in (base, recs)]
                if not a_ or not b_: continue
                d = paired_difference(a_, b_, key=k)
                print(f"s = {w:g} minus s = 1, {k} ({d['n']} tasks): {d['diff']:+.1f} [{d['lo']:+.1f}, {d['hi']:+.1f}] points")
    if a.out: write_records(a.out, records)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
