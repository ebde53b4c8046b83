"""Do records scored again equal the committed ones? Task by task, per variant: the check behind every "reproduces its
committed records" in bench/README.md.

    python bench/reproduced.py OLD.jsonl NEW.jsonl                       # every variant of NEW that OLD holds
    python bench/reproduced.py OLD.jsonl NEW.jsonl remind-s0-shipped-hg2=remind-s0   # NEW's variant against OLD's
    python bench/reproduced.py OLD.jsonl NEW.jsonl "remind s0" --exact resumed,progress,hid --close psnr

Records are those of a results table (`09_results`) or of the recovery probe (`bench/recovery_probe.py --records`).
Over the tasks both files scored for a variant it prints how many agree exactly on each `--exact` field (None and NaN
alike: both undefined counts as equal) and the largest absolute difference of each `--close` field. A variant with no
task in common stops with an error naming it. `differing` is the same comparison for one pair of records
(`bench/hid_check.py` refuses a re-drawn rollout that differs from its table record).
"""
from __future__ import annotations

import argparse
import json
import sys


def undefined(x) -> bool:
    "None (JSON's undefined) or NaN."
    return x is None or x != x


def differing(new: dict, old: dict, exact=("progress",), close=("abs_error",), tol: float = 1e-4) -> list[str]:
    "The fields on which record `new` differs from `old`: `exact` ones exactly, `close` ones by more than `tol` (None and NaN alike)."
    def differs(k, within):
        a, b = new.get(k), old.get(k)
        if undefined(a) or undefined(b): return undefined(a) != undefined(b)
        return abs(a - b) > tol if within else a != b
    return [k for k in exact if differs(k, False)] + [k for k in close if differs(k, True)]


def compare(old: list[dict], new: list[dict], pairs: list[tuple[str, str]], exact=("progress",), close=("abs_error",)) -> dict:
    """Per (new variant, old variant) pair: the tasks both scored, how many agree on each `exact` field, and the largest
    difference of each `close` field over them."""
    index = lambda recs: {(r["variant"], r["task"]): r for r in recs}
    o, n = index(old), index(new)
    out = {}
    for nv, ov in pairs:
        tasks = [t for (v, t) in n if v == nv and (ov, t) in o]
        if not tasks: raise SystemExit(f"reproduced: no task scored by both {nv!r} (new) and {ov!r} (old)")
        gap = lambda k: max((abs(n[(nv, t)][k] - o[(ov, t)][k]) for t in tasks
                             if not undefined(n[(nv, t)].get(k)) and not undefined(o[(ov, t)].get(k))), default=0.0)
        out[nv if nv == ov else f"{nv} = {ov}"] = dict(
            n=len(tasks), equal={k: sum(k not in differing(n[(nv, t)], o[(ov, t)], (k,), ()) for t in tasks) for k in exact},
            max_difference={k: gap(k) for k in close})
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old"); ap.add_argument("new")
    ap.add_argument("variants", nargs="*", help="NEW_VARIANT or NEW_VARIANT=OLD_VARIANT (default: every variant of NEW that OLD holds)")
    ap.add_argument("--exact", default="progress", help="fields that must agree exactly (comma list)")
    ap.add_argument("--close", default="abs_error", help="fields whose largest difference is printed (comma list)")
    a = ap.parse_args(argv)
    read = lambda p: [json.loads(line) for line in open(p) if line.strip()]
    old, new = read(a.old), read(a.new)
    if a.variants: pairs = [tuple(v.split("=", 1)) if "=" in v else (v, v) for v in a.variants]
    else: pairs = [(v, v) for v in sorted({r["variant"] for r in new} & {r["variant"] for r in old})]
    if not pairs: raise SystemExit(f"reproduced: {a.new} and {a.old} share no variant; name them as NEW=OLD")
    fields = lambda s: tuple(f for f in s.split(",") if f)
    for name, d in compare(old, new, pairs, fields(a.exact), fields(a.close)).items():
        print(f"{name}: of {d['n']} tasks both scored, equal " + ", ".join(f"{k} {c}" for k, c in d["equal"].items())
              + "".join(f"; max |{k} difference| {x:.1e}" for k, x in d["max_difference"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
