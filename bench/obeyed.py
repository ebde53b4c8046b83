"""Did the generated video show the interruption before it "recovered"? Re-reads a results table's records.

    python bench/obeyed.py bench/results-inflate bench/results-inflate-hg2

A table row's state progress asks whether the state read in the first visible frames after the interruption is within
tolerance of the truth. It does not ask whether the model drew the interruption at all: in a V2V task the given frames
end inside or just before it, and a model that goes on drawing the object in plain view (never darkening the room,
never drawing the occluder across it) scores a "recovery" by plain continuation, with nothing to remember. Each record
already holds `observation` (`remind.metrics.observation_control`: the state is hidden in at least half of the
generated frames of the fully hidden interval, and visible in at least half of the generated frames that show it).
This script splits progress by it and prints, per arm (seeds pooled) and task kind:

- `hid`: the share of interrupted tasks whose generated video hid the state where it should (a task whose fully hidden
  interval lies in the given frames, `observation` NaN, had nothing to hide and counts as hid);
- `progress | hid` and `progress | not hid`: state progress among those that did and those that did not;
- `hid and resumed`: the joint rate, progress counted only where the video hid the state first
  (`remind.metrics.hid_and_resumed`, the table's `resumed` column for records scored since it exists). It is the
  stricter reading of "remembered"; it never exceeds progress.

Rates are Wilson 95% intervals; when seeds are pooled, at Kish's effective sample size, so that records sharing a task
are discounted (`remind.metrics.wilson_ci(clusters=)`).
Nothing is scored again; the records are those `nbs/09_results.ipynb` wrote. The check is only as good as the state
reader: on inflating balls the codec ceiling hides the state in every task, over all processes in 53 of 60 (the reader
finds a state in some dark frames), so read the joint rate against the codec's row.
"""
import argparse
import sys
from pathlib import Path


def split_rows(records: list[dict]) -> list[dict]:
    "One row per (kind, arm) of interrupted records: hid, progress given hid / not hid, and the joint rate, with Wilson intervals."
    from remind.experiment import arm_of
    from remind.metrics import wilson_ci, hid_and_resumed
    rows = []
    for kind in ("v2v", "i2v"):
        arms = dict.fromkeys(arm_of(r["variant"]) for r in records)
        for arm in arms:
            rs = [r for r in records if arm_of(r["variant"]) == arm and r["kind"] == kind and r["interruption"] != "none"]
            if not rs: continue
            hid = [0.0 if r["observation"] == 0.0 else 1.0 for r in rs]   # NaN: the hidden interval lay in the given frames
            rate = lambda vals, tasks: wilson_ci(vals, clusters=tasks) if vals else (float("nan"),) * 3 + (0,)
            row = {"kind": kind, "arm": arm, "n": len(rs)}
            row["hid"] = rate(hid, [r["task"] for r in rs])
            for name, keep in (("progress_hid", 1.0), ("progress_not_hid", 0.0)):
                g = [r for r, h in zip(rs, hid) if h == keep]
                row[name] = rate([r["progress"] for r in g], [r["task"] for r in g])
            row["hid_and_resumed"] = rate([hid_and_resumed(r["progress"], r["observation"]) for r in rs], [r["task"] for r in rs])
            row["progress"] = rate([r["progress"] for r in rs], [r["task"] for r in rs])
            rows.append(row)
    return rows


def fmt(c) -> str:
    m, lo, hi, n = c
    return "-" if n == 0 else f"{m:.0%} [{lo:.0%}, {hi:.0%}] (n {n})"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="+", help="results folders holding records.jsonl (as nbs/09_results.ipynb writes them)")
    args = ap.parse_args(argv)
    from remind.metrics import read_records
    for folder in map(Path, args.folders):
        f = folder / "records.jsonl"
        if not f.is_file(): raise SystemExit(f"obeyed: expected {f} (records of a results table), found none")
        recs = read_records(f)
        if recs and "observation" not in recs[0]: raise SystemExit(f"obeyed: {f} records carry no 'observation'; expected table records")
        print(f"\n{folder}\n| kind | arm | progress | hid | progress, hid | progress, not hid | hid and resumed |\n|---|---|---|---|---|---|---|")
        for r in split_rows(recs):
            print(f"| {r['kind'].upper()} | {r['arm']} | {fmt(r['progress'])} | {fmt(r['hid'])} | {fmt(r['progress_hid'])} | "
                  f"{fmt(r['progress_not_hid'])} | {fmt(r['hid_and_resumed'])} |")


if __name__ == "__main__":
    sys.exit(main())
