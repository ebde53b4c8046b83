#!/bin/bash
# The shipped all-process seed-0 arms (models/world-long-remind, models/world-long-baseline; EMA, w = 2) and the GPU base
# scored again on the 225-task table with the mended hid (bench/README.md, "The hid check mended in the package"): the
# reproduction of their committed records (bench/results-seeds) and hid and resumed before and after the mend.
# Run from the repository root with the venv active; output: analysis.txt here.
D=bench/results-drawn/all-s0
echo "== reproduction against bench/results-seeds (its seed-0 arms and the base)"
python bench/reproduced.py bench/results-seeds/records.jsonl $D/records.jsonl "remind=remind s0" "baseline=baseline s0" base "codec ceiling" \
  --exact progress,frozen,reset,shown --close psnr,abs_error
echo "== hid and resumed before (bench/results-seeds) and after the mend, drew (Wilson 95% over tasks)"
python - <<'P'
import json, collections
from remind.metrics import wilson_ci
old = {(r["variant"], r["task"]): r for r in map(json.loads, open("bench/results-seeds/records.jsonl"))}
m = {"remind": "remind s0", "baseline": "baseline s0", "base": "base", "codec ceiling": "codec ceiling"}
new = [r for r in map(json.loads, open("bench/results-drawn/all-s0/records.jsonl")) if r["interruption"] != "none"]
f = lambda xs: "{:5.1f}% [{:4.1f}, {:4.1f}]".format(*(100 * x for x in wilson_ci(xs)[:3]))
for kind in ("v2v", "i2v"):
    for g, fam in {"all": None, "camera loop + zoom": ("camera_loop", "zoom"), "lights + occluder": ("light_toggle", "occluder")}.items():
        print(f"-- {kind}, {g}")
        by = collections.defaultdict(list)
        for r in new:
            if r["kind"] == kind and (fam is None or r["interruption"] in fam): by[r["variant"]].append(r)
        for v, rs in by.items():
            d = [r["drew"] for r in rs if r["drew"] is not None]
            print(f"{v:14s} {len(rs):3d} tasks: before {f([old[(m[v], r['task'])]['resumed'] for r in rs])}  after {f([r['resumed'] for r in rs])}  drew {100 * sum(d) / max(len(d), 1):5.1f}% of {len(d)}")
P
echo "== ReMind minus the baseline, V2V, paired over tasks, after the mend"
python bench/paired.py $D/records.jsonl:baseline $D/records.jsonl:remind | grep resumed
