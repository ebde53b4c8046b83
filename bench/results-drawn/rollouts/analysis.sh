#!/bin/bash
# The inflate table scored again with the mended hid (bench/README.md, "The hid check mended in the package"): the
# reproduction of the committed records, `drew` against bench/hid_check.py's ball, hid and resumed per arm before and
# after the mend by family group, and paired differences over tasks (bench/paired.py) and over seeds
# (bench/seed_level.py). Run from the repository root with the venv active; output: analysis.txt here.
D=bench/results-drawn/rollouts; R=$D/records.jsonl; OLD=bench/results-infarch/rollouts/records.jsonl
echo "== reproduction: every re-scored variant against its committed record (bench/results-infarch/rollouts), all 225 tasks"
python bench/reproduced.py $OLD $R --exact progress,frozen,reset,shown,coherent --close abs_error,psnr,ssim,anchor_share
python - <<'P'
import json, collections
old = {(r["variant"], r["task"]): r for r in map(json.loads, open("bench/results-infarch/rollouts/records.jsonl"))}
new = [r for r in map(json.loads, open("bench/results-drawn/rollouts/records.jsonl")) if r["interruption"] != "none"]
up = collections.Counter(); down = collections.Counter(); n = collections.Counter()
for r in new:
    o = old[(r["variant"], r["task"])]
    for k in ("hid", "resumed"):
        a, b = o[k], r[k]
        if a is None or b is None: continue
        n[k] += 1; up[k] += b > a; down[k] += b < a
for k in ("hid", "resumed"):
    print(f"{k}: {n[k]} interrupted records defined in both; rose in {up[k]}, fell in {down[k]}")
print("records without drawn:", sum("drawn" not in r for r in new), "of", len(new))
P
echo "== drew (the object drawn while hidden) against bench/hid_check.py's ball >= 0.1, V2V, per checkpoint: the 45 camera-family tasks (predicted), then the 22 after lights off"
python - <<'P'
import json, collections
hid = {(r["variant"], r["task"]): r for r in map(json.loads, open("bench/results-infarch/probe-table/hid.jsonl"))}
new = {(r["variant"], r["task"]): r for r in map(json.loads, open("bench/results-drawn/rollouts/records.jsonl"))}
for name, fams in (("camera loop + zoom", ("camera_loop", "zoom")), ("lights off", ("light_toggle",))):
    agree, n, only = collections.Counter(), collections.Counter(), collections.Counter()
    for k, h in hid.items():
        if k not in new or new[k]["drew"] is None or h["interruption"] not in fams: continue
        v = k[0]; a = h["ball"] >= 0.1; b = new[k]["drew"] == 1.0
        n[v] += 1; agree[v] += a == b; only[(v, "drew")] += b and not a; only[(v, "ball")] += a and not b
    print(f"-- {name}: pooled {sum(agree.values())} of {sum(n.values())} agree")
    for v in n: print(f"{v:14s} {agree[v]} of {n[v]} agree ({agree[v] / n[v]:.0%}); drew but ball < 0.1: {only[(v, 'drew')]}; ball >= 0.1 but not drew: {only[(v, 'ball')]}")
P
echo "== drew per checkpoint, the 45 V2V camera-family tasks"
python - <<'P'
import json, collections
c = collections.defaultdict(list)
for r in map(json.loads, open("bench/results-drawn/rollouts/records.jsonl")):
    if r["kind"] == "v2v" and r["interruption"] in ("camera_loop", "zoom") and r["drew"] is not None: c[r["variant"]].append(r["drew"])
print("  ".join(f"{v} {100 * sum(x) / len(x):.0f}% of {len(x)}" for v, x in c.items()))
P
echo "== hid and resumed before (committed) and after the mend, drew, per arm (seeds pooled) and family group (Wilson 95% over records)"
python - <<'P'
import json, collections
from remind.experiment import arm_of as arm
from remind.metrics import wilson_ci
old = {(r["variant"], r["task"]): r for r in map(json.loads, open("bench/results-infarch/rollouts/records.jsonl"))}
new = [r for r in map(json.loads, open("bench/results-drawn/rollouts/records.jsonl")) if r["interruption"] != "none"]
groups = {"all": None, "camera loop + zoom": ("camera_loop", "zoom"), "lights off": ("light_toggle",), "occluder": ("occluder",)}
f = lambda xs: "{:5.1f}% [{:4.1f}, {:4.1f}]".format(*(100 * x for x in wilson_ci(xs)[:3]))
for kind in ("v2v", "i2v"):
    for g, fam in groups.items():
        print(f"-- {kind}, {g}")
        by = collections.defaultdict(list)
        for r in new:
            if r["kind"] == kind and (fam is None or r["interruption"] in fam): by[arm(r["variant"])].append(r)
        for a, rs in by.items():
            seeds = sorted({r["variant"] for r in rs})
            before = [old[(r["variant"], r["task"])]["resumed"] for r in rs]
            drew = [r["drew"] for r in rs if r["drew"] is not None]
            print(f"{a:14s} ({len(seeds)} seed{'s' if len(seeds) > 1 else ''}, {len(rs):3d} records): before {f(before)}  after {f([r['resumed'] for r in rs])}  drew {100 * sum(drew) / max(len(drew), 1):5.1f}% of {len(drew)}")
P
pool() { echo "$R:$1 s0+$R:$1 s1+$R:$1 s2"; }
S0() { echo "$R:$1 s0"; }
echo "== paired over tasks, hid and resumed after the mend (three seeds a side where there are three)"
for pair in "no_pm_rope remind" "no_pm_rope qk" "qk remind" "vo remind" "no_pm_rope vo" "vo qk" "base remind" "base qk" "base no_pm_rope"; do
  set -- $pair; echo "-- $2 minus $1"
  if [ $1 = base ]; then A="$R:base"; else A="$(pool $1)"; fi
  for f in "" camera_loop,zoom light_toggle,occluder; do
    python bench/paired.py "$A" "$(pool $2)" ${f:+--families $f} | grep -E "resumed" | sed "s/^/${f:-all}: /"
    [ $1 = base ] && continue
    python bench/seed_level.py "$A" "$(pool $2)" --key resumed --kind v2v ${f:+--families $f} | sed "s/^/${f:-all} seeds: /"
  done
done
echo "-- seed 0 of VO and dual against three seeds of no PM-RoPE and of Full (one seed against three: exploratory; VO s0 was read before VO s1-s2 were added)"
for b in vo dual; do for a in no_pm_rope remind; do for f in "" camera_loop,zoom light_toggle,occluder; do
  python bench/paired.py "$(pool $a)" "$(S0 $b)" ${f:+--families $f} | grep -E "v2v resumed" | sed "s/^/$b s0 minus $a, ${f:-all}: /"
done; done; done
