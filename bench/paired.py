"""Two table arms compared task by task: B minus A on the interrupted tasks, V2V and I2V apart, with a percentile
bootstrap 95% interval over tasks (`recovery_probe.paired_difference`).

    python bench/paired.py bench/results-rint/ctl600/records.jsonl:remind bench/results-rint/rint600/records.jsonl:remind
    python bench/paired.py A.jsonl:remind B.jsonl:remind --from 75     # only tasks 75 on (the fresh 150 of a 225-task table)

Each side is `records.jsonl:variant` (a table's records, `09_results`, or the recovery probe's, `bench/recovery_probe.py
--records`, which are all interrupted V2V and carry progress, not resumed or shown), or several joined by `+` (seeds of one arm: each
task's records are averaged, so a task counts once); the arms, and the seeds of one side, must have scored the same
tasks, else a clear error. Records that carry
`abs_error` (the table's and the probe's) also compare `readable`: the share of recoveries whose object the reader
found at all (`recovery_probe.readable`; an unreadable recovery is written with `abs_error` None).

    python bench/paired.py "S0.jsonl:baseline+S1.jsonl:baseline" "S0.jsonl:remind+S1.jsonl:remind"
    python bench/paired.py A.jsonl:base B.jsonl:remind --families light_toggle,occluder   # some interruption families only
"""
from __future__ import annotations

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from recovery_probe import paired_difference, readable, with_nan  # noqa: E402

KEYS = ("progress", "resumed", "resumed_frames", "shown", "readable", "strict")   # strict: bench/hid_check.py's records;
# resumed_frames: the hiding rule frame by frame (`remind.metrics.hidden_share`), in tables scored after 2026-12-06 23:40


def kind_of(r: dict) -> str:
    "The task's kind: the table's records carry it, the probe's name it in the task id (split-index-kind-...)."
    return r.get("kind") or r["task"].split("-")[2]


def read_variant(one: str, who: str = "paired") -> list[dict]:
    "The records of `path:variant` (undefined rates NaN, `with_nan`); a malformed spec or a variant with no records stops, named by `who`."
    path, sep, variant = one.rpartition(":")
    if not sep: raise SystemExit(f"{who}: expected records.jsonl:variant, got {one!r}")
    got = [with_nan(r) for r in map(json.loads, filter(str.strip, open(path))) if r["variant"] == variant]
    if not got: raise SystemExit(f"{who}: {path} holds no records of variant {variant!r}")
    return got


def one_scoring(records: list[dict], who: str = "paired") -> None:
    """Refuse table records scored before `remind.metrics.drawn_while_hidden` joined `hid` (no `drawn`: the reader's `hid`
    alone, tables before 2026-12-06) beside records scored after it: their `hid` and `resumed` are not the same rate.
    Records with no `hid` at all (the recovery probe's) are not table records and pass."""
    hit = [r for r in records if r.get("interruption") != "none" and "hid" in r]
    old = sum("drawn" not in r for r in hit)
    if 0 < old < len(hit):
        raise SystemExit(f"{who}: {old} of {len(hit)} interrupted table records were scored before `drawn` (the reader's hid "
                         f"alone) and the rest after; expected one scoring on both sides")


def load(spec: str) -> list[dict]:
    "The records of one variant, `path:variant`, or of several pooled, `path:variant+path:variant` (seeds: each task averaged)."
    recs, first = [], None
    for one in spec.split("+"):
        got = read_variant(one)
        tasks = {r["task"] for r in got}
        if first is None: first = (one, tasks)
        elif tasks != first[1]:   # a seed missing tasks would weigh the others' differently: refuse
            raise SystemExit(f"paired: {one} scored {len(tasks)} tasks, {first[0]} {len(first[1])} "
                             f"({len(tasks ^ first[1])} differ); expected the seeds of one side to score the same tasks")
        for r in got:
            if "abs_error" in r: r["readable"] = float(readable(r))
        recs += got
    return recs


def compare(a: list[dict], b: list[dict], start: int = 0, families: tuple = ()) -> dict:
    "B minus A (percentage points) per kind and key, over interrupted tasks whose index is >= `start` (of `families`, when given)."
    keep = lambda r, kind: (r["interruption"] != "none" and kind_of(r) == kind and int(r["task"].split("-")[1]) >= start
                            and (not families or r["interruption"] in families))
    out = {}
    for kind in ("v2v", "i2v"):
        ra, rb = [r for r in a if keep(r, kind)], [r for r in b if keep(r, kind)]
        if not ra or not rb: continue
        ta, tb = {r["task"] for r in ra}, {r["task"] for r in rb}
        if ta != tb:   # the A and B columns would then average other tasks than the difference does
            raise SystemExit(f"paired: side A scored {len(ta)} interrupted {kind} tasks, side B {len(tb)} ({len(ta ^ tb)} differ); "
                             f"expected the same tasks (the same table task set, or the same probe tasks)")
        out[kind] = {}
        for k in (k for k in KEYS if all(k in r for r in ra + rb)):
            d = paired_difference(ra, rb, k)
            mean = lambda rs: 100 * sum(float(r[k]) for r in rs) / len(rs)
            out[kind][k] = dict(d, a=round(mean(ra), 1), b=round(mean(rb), 1))
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("a"); ap.add_argument("b")
    ap.add_argument("--from", type=int, default=0, dest="start", help="only tasks with this index or later")
    ap.add_argument("--families", default="", help="only tasks of these interruption families (comma list, e.g. camera_loop,zoom)")
    args = ap.parse_args(argv)
    fams = tuple(f for f in args.families.split(",") if f)
    a, b = load(args.a), load(args.b)
    one_scoring(a + b)
    held = {r["interruption"] for r in a + b} - {"none"}
    bad = sorted(set(fams) - held)
    if bad: raise SystemExit(f"paired: --families {bad} name no interrupted task of these records (they hold {sorted(held)})")
    res = compare(a, b, args.start, fams)
    for kind, rows in res.items():
        for k, d in rows.items():
            print(f"{kind} {k:9s} n={d['n']:3d}  A {d['a']:5.1f}%  B {d['b']:5.1f}%  B - A {d['diff']:+5.1f} [{d['lo']:+.1f}, {d['hi']:+.1f}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
