"""Checks of `bench/seed_level.py` on records made here, with the figures worked out by hand (run by tools/smoke_4_bench.sh).

    python bench/check_seed_level.py

Per-seed rates, the difference of the seed means, the exact permutation p over seed labels (all relabellings counted
by hand below), the two-level bootstrap's bounds, the family and kind filters, and a clear error for a malformed side,
a missing variant, seeds or sides that scored other tasks, a task scored twice and a missing outcome.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import seed_level  # noqa: E402
from check_paired import refuses, write  # noqa: E402


def rec(variant: str, i: int, progress: float, interruption: str = "occluder") -> dict:
    "One probe record of interrupted V2V task i (the probe names the kind in the task id)."
    return dict(variant=variant, task=f"val-{i:05d}-v2v-inflate-{interruption}", interruption=interruption, progress=progress,
                abs_error=0.1)


def seeds(name: str, rows: list[list[int]], zoom: list[int]) -> list[dict]:
    "Seed s of `name` scores occluder tasks 0-3 as rows[s] and zoom tasks 4-5 as zoom[s] (one value each)."
    out = []
    for s, row in enumerate(rows):
        out += [rec(f"{name}-s{s}", i, v) for i, v in enumerate(row)]
        out += [rec(f"{name}-s{s}", 4 + j, zoom[s], "zoom") for j in range(2)]
    return out


def main() -> int:
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        R = write(d / "r.jsonl", seeds("a", [[0, 0, 1, 0], [0, 1, 1, 0]], [0, 1]) + seeds("b", [[1, 1, 1, 0], [1, 0, 1, 1]], [1, 1]))
        side = lambda v, n, **kw: seed_level.load_side("+".join(f"{R}:{v}-s{s}" for s in range(n)), kw.get("key", "progress"), "v2v", kw.get("fams", ()))

        # occluder tasks only: A seeds 25 / 50%, B seeds 75 / 75%: B - A = 75 - 37.5 = +37.5 points.
        # Relabellings of the pooled rates [25, 50, 75, 75] into two B seeds (6): B - A = -37.5, -12.5, -12.5, +12.5,
        # +12.5, +37.5; two of six are at least 37.5 in size: p = 1/3.
        r = seed_level.compare(side("a", 2, fams=("occluder",)), side("b", 2, fams=("occluder",)), n_boot=2000)
        assert (r["a"], r["b"], r["diff"], r["n_splits"], r["p"], r["n_tasks"]) == ([25.0, 50.0], [75.0, 75.0], 37.5, 6, 0.333, 4), r
        assert -100 <= r["lo"] <= r["diff"] <= r["hi"] <= 100 and r["lo"] < r["hi"], r
        # every task: A seeds (0+0+1+0+0+0)/6 = 16.7 and (0+1+1+0+1+1)/6 = 66.7, B seeds 83.3 / 83.3 -> +41.7
        r = seed_level.compare(side("a", 2), side("b", 2), n_boot=2000)
        assert (r["a"], r["b"], r["diff"], r["n_tasks"]) == ([16.7, 66.7], [83.3, 83.3], 41.7, 6), r
        # zoom tasks: A seeds 0 / 100%, B 100 / 100%: +50. Relabellings of [0, 100, 100, 100]: the three with 0 among
        # B's seeds give 50 - 100 = -50, the other three +50; all six are 50 in size: p = 1.
        r = seed_level.compare(side("a", 2, fams=("zoom",)), side("b", 2, fams=("zoom",)), n_boot=2000)
        assert (r["diff"], r["p"]) == (50.0, 1.0), r
        # the same seeds twice on one side against themselves: no difference, p = 1
        r = seed_level.compare(side("a", 2), side("a", 2), n_boot=500)
        assert (r["diff"], r["p"]) == (0.0, 1.0), r
        # the bootstrap resamples seeds (the two seeds of a differ, so resamples of one side against the other spread
        # around zero) and resamples tasks paired (one seed against itself: every resample is exactly zero)
        assert r["lo"] < 0 < r["hi"], r
        r = seed_level.compare(side("a", 1), side("a", 1), n_boot=500)
        assert (r["lo"], r["hi"]) == (0.0, 0.0), r
        # on the zoom tasks every seed is constant over tasks (a: 0 then 100%, b: 100 and 100%), so only seed resampling
        # moves the difference: resamples of a's two seeds give 0, 50 or 100%, of b's always 100%
        zb, za = side("b", 2, fams=("zoom",)), side("a", 2, fams=("zoom",))
        r = seed_level.compare(zb, za, n_boot=2000)
        assert (r["lo"], r["hi"]) == (-100.0, 0.0), r
        r = seed_level.compare(za, zb, n_boot=2000)
        assert (r["lo"], r["hi"]) == (0.0, 100.0), r

        refuses(lambda: seed_level.load_side("nocolon", "progress", "v2v", ()), "expected records.jsonl:variant")
        refuses(lambda: side("c", 1), "holds no records of variant 'c-s0'")
        refuses(lambda: side("a", 2, fams=("camera_loop",)), "holds no interrupted v2v task of ['camera_loop']")
        refuses(lambda: side("a", 2, key="resumed"), "has no 'resumed' on 6 tasks")
        short = write(d / "short.jsonl", [x for x in seeds("a", [[0, 0, 1, 0]], [1]) if not x["task"].startswith("val-00003")])
        refuses(lambda: seed_level.compare(side("a", 1), seed_level.load_side(f"{short}:a-s0", "progress", "v2v", ())),
                "scored 5 tasks")
        twice = write(d / "twice.jsonl", seeds("a", [[0, 0, 1, 0]], [1]) + [rec("a-s0", 0, 1)])
        refuses(lambda: seed_level.load_side(f"{twice}:a-s0", "progress", "v2v", ()), "scores task val-00000-v2v-inflate-occluder twice")
    print("check_seed_level: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
