"""Two arms compared across their training seeds, not only across tasks: each seed's rate, the difference of the seed
means, an exact permutation test over the seed labels, and a two-level bootstrap (seeds, then tasks).

    python bench/seed_level.py "R:no_pm_rope-s0+R:no_pm_rope-s1+R:no_pm_rope-s2" "R:remind-s0+R:remind-s1+R:remind-s2"
    ... --families camera_loop,zoom          # some interruption families only
    ... --key resumed --kind i2v             # a results table's records (09_results): hid and resumed, I2V tasks

`bench/paired.py` averages each task over a side's seeds and resamples tasks: its interval says how far the task draw
could move the difference, not how far another training draw could, and on this world the seeds of one recipe differ by
up to 10 points on the same 160 tasks. This reads the seeds as what they are, independent training runs. Each side is
`records.jsonl:variant` joined by `+`, one variant per seed (paired.py's syntax); every seed of both sides must have
scored the same tasks (else a clear error), and only interrupted tasks of `--kind` count (probe records are all V2V).

- per seed: the rate over the tasks, in percent;
- the difference: B's seed mean minus A's, in points;
- the exact permutation test: every way of relabelling the pooled seeds into groups of the two sides' sizes, and the
  share of relabellings whose difference is at least as large in size as the one observed (two-sided). With three
  seeds a side there are 20 relabellings, so the smallest p it can give is 0.1 (0.05 one-sided), reached only when every
  seed of one side lies above every seed of the other: two-sided it can never reach 0.05;
- the two-level bootstrap: seeds resampled with replacement within each side, then tasks (the same tasks for both
  sides), the difference of the means, percentile 95% interval. It is approximate and may under- or overstate the
  uncertainty: a resample of n seeds has (n - 1) / n of their variance, while resampling seeds and tasks of a crossed
  design counts their interaction more than once.
"""
from __future__ import annotations

import argparse
import itertools
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from paired import kind_of, one_scoring, read_variant  # noqa: E402


def load_side(spec: str, key: str, kind: str, families: tuple, read: dict | None = None) -> list[tuple[str, dict[str, float]]]:
    """One side: [(variant spec, {task: value})] per seed, interrupted tasks of `kind` (and `families`) only. `read`: the
    records of each `path:variant` already read (`main` reads every file once); else they are read here."""
    seeds = []
    for one in spec.split("+"):
        got = read[one] if read is not None else read_variant(one, "seed_level")
        keep = [r for r in got if r["interruption"] != "none" and kind_of(r) == kind and (not families or r["interruption"] in families)]
        if not keep: raise SystemExit(f"seed_level: {one} holds no interrupted {kind} task" + (f" of {list(families)}" if families else ""))
        if missing := [r["task"] for r in keep if key not in r or r[key] is None]:
            raise SystemExit(f"seed_level: {one} has no {key!r} on {len(missing)} tasks (first {missing[0]}); expected it on every task")
        vals: dict[str, float] = {}
        for r in keep:
            if r["task"] in vals: raise SystemExit(f"seed_level: {one} scores task {r['task']} twice; expected one record per task and seed")
            vals[r["task"]] = float(r[key])
        seeds.append((one, vals))
    return seeds


def compare(a: list[tuple[str, dict]], b: list[tuple[str, dict]], n_boot: int = 10_000, seed: int = 0) -> dict:
    "B minus A over seeds: per-seed rates (%), the difference of seed means (points), exact permutation p, two-level bootstrap."
    tasks = sorted(a[0][1])
    for name, vals in a + b:
        if set(vals) != set(tasks):
            raise SystemExit(f"seed_level: {name} scored {len(vals)} tasks, {a[0][0]} {len(tasks)} ({len(set(vals) ^ set(tasks))} differ); "
                             "expected every seed of both sides to score the same tasks")
    A = np.array([[v[t] for t in tasks] for _, v in a]) * 100      # [seeds, tasks]
    B = np.array([[v[t] for t in tasks] for _, v in b]) * 100
    ra, rb = A.mean(1), B.mean(1)
    diff = rb.mean() - ra.mean()
    pooled, kb = np.concatenate([ra, rb]), len(rb)
    splits = list(itertools.combinations(range(len(pooled)), kb))
    d_perm = np.array([pooled[list(s)].mean() - np.delete(pooled, list(s)).mean() for s in splits])
    p = float(np.mean(np.abs(d_perm) >= abs(diff) - 1e-9))
    rng = np.random.default_rng(seed)
    ia = rng.integers(0, len(ra), (n_boot, len(ra))); ib = rng.integers(0, len(rb), (n_boot, len(rb)))
    it = rng.integers(0, len(tasks), (n_boot, len(tasks)))
    boot = np.array([B[ib[i]][:, it[i]].mean() - A[ia[i]][:, it[i]].mean() for i in range(n_boot)])
    lo, hi = np.percentile(boot, [2.5, 97.5])
    return dict(n_tasks=len(tasks), a=[round(float(x), 1) for x in ra], b=[round(float(x), 1) for x in rb],
                diff=round(float(diff), 1), p=round(p, 3), n_splits=len(splits), lo=round(float(lo), 1), hi=round(float(hi), 1))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("a"); ap.add_argument("b")
    ap.add_argument("--key", default="progress", help="the 0/1 outcome per task (probe: progress; table: resumed, progress, shown)")
    ap.add_argument("--kind", default="v2v", choices=("v2v", "i2v"))
    ap.add_argument("--families", default="", help="only tasks of these interruption families (comma list, e.g. camera_loop,zoom)")
    ap.add_argument("--boot", type=int, default=10_000)
    args = ap.parse_args(argv)
    fams = tuple(f for f in args.families.split(",") if f)
    read = {one: read_variant(one, "seed_level") for side in (args.a, args.b) for one in side.split("+")}
    one_scoring([r for got in read.values() for r in got], "seed_level")
    a, b = (load_side(s, args.key, args.kind, fams, read) for s in (args.a, args.b))
    r = compare(a, b, args.boot)
    fmt = lambda xs: " / ".join(f"{x:.1f}" for x in xs)
    print(f"{args.kind} {args.key} n={r['n_tasks']} tasks{' (' + ','.join(fams) + ')' if fams else ''}: "
          f"A seeds {fmt(r['a'])}%, B seeds {fmt(r['b'])}%; B - A {r['diff']:+.1f} points, "
          f"permutation p = {r['p']:.3f} (of {r['n_splits']} relabellings), seeds+tasks bootstrap [{r['lo']:+.1f}, {r['hi']:+.1f}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
