"""How much of the I2V lag is the onset no one frame can show? `carried` and progress of the expected ramp.

    python bench/onset_bound.py                  # the tables' 225 inflate test tasks, their I2V records
    python bench/onset_bound.py --check          # the expected ramp against its closed form at the distributions' ends

An inflating ball in the world grows from radius r0 to r1 along a ramp that starts at a random time (`t_on` uniform on
the first 15% of the clip) and ends at another (`t_off` uniform on the last 15%; `remind.world.scene_params`). The
caption states r0 and r1 (to the centimetre), not the times. Here every I2V task of `09_results`' inflate test cycle is
scored as if the model had drawn the expected ramp: the caption's r0 and r1, averaged over 4,000 draws of `t_on` and
`t_off` from the world's own distributions, every frame visible. That is the best a drawing can do in the mean that
knows all the caption says and draws the average of what it does not. It is scored as `evaluate_video` scores a
rollout's read states (the task's `state_rule`; the interruption's recovery frames, or the clean controls' last four
frames, from the first generated frame on): progress rate, median `carried`, and misses short / over the truth,
interrupted and clean apart. If the onset explained the tables' I2V lag, this row would show it.
"""
from __future__ import annotations

import argparse
import re
import sys

import numpy as np

RADII = re.compile(r"from a radius of (\d+\.\d+) m to (\d+\.\d+) m\.")


def expected_ramp(n_frames: int, fps: float, r0: float, r1: float, draws: int = 4000, seed: int = 0) -> np.ndarray:
    "`[n_frames]`: r0 + (r1 - r0) E[ramp(t)] with t_on ~ U(0, 0.15) dur and t_off ~ U(0.85, 1) dur, by Monte Carlo."
    dur = (n_frames - 1) / fps
    rng = np.random.default_rng(seed)
    t_on, t_off = rng.uniform(0, 0.15, draws) * dur, rng.uniform(0.85, 1.0, draws) * dur
    t = np.arange(n_frames) / fps
    ramp = np.clip((t[None] - t_on[:, None]) / (t_off - t_on)[:, None], 0.0, 1.0).mean(0)
    return r0 + (r1 - r0) * ramp


def score(task, read: np.ndarray) -> dict:
    "progress and carried of `read` against `task`, as `remind.metrics.evaluate_video` scores them (`progress_scores`)."
    from remind.metrics import progress_scores
    return {**progress_scores(read, task), "interrupted": bool(task.clip.events)}


def check() -> None:
    "The expected ramp starts at r0, ends at r1, rises monotonically, and matches an independent Monte Carlo draw mid-clip."
    r = expected_ramp(45, 16.0, 0.2, 0.5)
    assert abs(r[0] - 0.2) < 1e-12 and abs(r[-1] - 0.5) < 1e-12, (r[0], r[-1])     # before any onset; after every end
    assert (np.diff(r) >= -1e-12).all() and r[22] > 0.2 + 0.3 * 0.45, r[22]           # monotone; near half-way mid-clip
    mid = expected_ramp(45, 16.0, 0.0, 1.0)[22]
    t = 22 / 16.0; dur = 44 / 16.0
    rng = np.random.default_rng(1); on, off = rng.uniform(0, 0.15, 200000) * dur, rng.uniform(0.85, 1, 200000) * dur
    assert abs(mid - np.clip((t - on) / (off - on), 0, 1).mean()) < 5e-3, mid
    print(f"onset_bound check: the expected ramp starts at r0, ends at r1, is monotone, and its mid-clip value {mid:.3f} matches an independent draw")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tasks", type=int, default=225)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    if args.check: check(); return 0
    from remind.experiment import results_tasks
    from remind.metrics import carried_summary
    tasks = [t for t in results_tasks(args.tasks, processes="inflate") if t.kind == "i2v"]
    recs = []
    for t in tasks:
        m = RADII.search(t.clip.caption)
        if not m: raise SystemExit(f"onset_bound: expected an inflate caption stating both radii, got {t.clip.caption!r}")
        recs.append(score(t, expected_ramp(t.spec.n_frames, t.spec.fps, float(m.group(1)), float(m.group(2)))))
    print(f"{len(tasks)} I2V inflate test tasks; the expected ramp (caption's radii, onset and end averaged over the world's distributions):")
    for name, keep in (("interrupted", True), ("clean", False)):
        sel = [r for r in recs if r["interrupted"] == keep]
        c = carried_summary(sel)
        print(f"  {name:11s} ({len(sel)}): progress {100 * np.mean([r['progress'] for r in sel]):.1f}% | median carried {c['median']:.2f} "
              f"({c['n']} defined) | misses short {c['short']} / over {c['over']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
