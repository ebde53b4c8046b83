#!/bin/bash
# The inflate table scored a third time, its records now carrying the hiding rule frame by frame (bench/README.md,
# "The hiding rule frame by frame"): the reproduction of the mended records (and of dual s1-s2, trained again, against
# their pre-mend records), the frame rule against hid and resumed per arm and family (and against the table before the
# mend), the records the mend took that the frame rule gives back, where the two rules disagree, and paired differences
# under both rules; last, post hoc, the lights-off records the mend took read frame by frame (frames-lights.sh).
# Run from the repository root with the venv active:
#   bash bench/results-frames/rollouts/analysis.sh > bench/results-frames/rollouts/analysis.txt
D=bench/results-frames/rollouts; R=$D/records.jsonl; MENDED=bench/results-drawn/rollouts/records.jsonl
echo "== reproduction: every re-scored variant against its mended record (bench/results-drawn/rollouts), all 225 tasks"
python bench/reproduced.py $MENDED $R --exact progress,frozen,reset,shown,coherent,drawn,hid,resumed --close abs_error,psnr,ssim,anchor_share
python - <<'P'
import json
have = lambda p: {r["variant"] for r in map(json.loads, open(p))}
print("variants not in the mended table (checked against the pre-mend table below, or not at all):",
      sorted(have("bench/results-frames/rollouts/records.jsonl") - have("bench/results-drawn/rollouts/records.jsonl")))
P
echo "== dual s1 and s2, trained again: against their records in the table before the mend (the same command and seeds)"
python bench/reproduced.py bench/results-infarch/rollouts/records.jsonl $R "dual s1" "dual s2" --exact progress,frozen,reset,shown,coherent --close abs_error,psnr,ssim,anchor_share
echo "== resumed before the mend, mended (the table's metric), and frame by frame, V2V and I2V, per arm (seeds pooled) and family group"
python - <<'P'
import json, collections
from remind.experiment import arm_of as arm
from remind.metrics import wilson_ci
old = {(r["variant"], r["task"]): r for r in map(json.loads, open("bench/results-infarch/rollouts/records.jsonl"))}
new = [r for r in map(json.loads, open("bench/results-frames/rollouts/records.jsonl")) if r["interruption"] != "none"]
groups = {"all": None, "camera loop + zoom": ("camera_loop", "zoom"), "lights off": ("light_toggle",), "occluder": ("occluder",)}
f = lambda xs: "{:5.1f}% [{:4.1f}, {:4.1f}]".format(*(100 * x for x in wilson_ci(xs)[:3]))
tuned = lambda a: a not in ("base", "codec ceiling")
for kind in ("v2v", "i2v"):
    for g, fam in groups.items():
        print(f"-- {kind}, {g}")
        by = collections.defaultdict(list)
        for r in new:
            if r["kind"] == kind and (fam is None or r["interruption"] in fam): by[arm(r["variant"])].append(r)
        pool = collections.Counter()
        for a, rs in by.items():
            seeds = sorted({r["variant"] for r in rs})
            before = [old[(r["variant"], r["task"])]["resumed"] for r in rs if (r["variant"], r["task"]) in old]
            b = f(before) if len(before) == len(rs) else "(not in the pre-mend table)".ljust(21)
            print(f"{a:14s} ({len(seeds)} seed{'s' if len(seeds) > 1 else ''}, {len(rs):3d}): before {b}  mended {f([r['resumed'] for r in rs])}"
                  f"  frames {f([r['resumed_frames'] for r in rs])}")
            if tuned(a) and len(before) == len(rs):
                pool["before"] += sum(before); pool["mended"] += sum(r["resumed"] for r in rs); pool["frames"] += sum(r["resumed_frames"] for r in rs)
        if pool["before"] > pool["mended"]:
            took = pool["before"] - pool["mended"]; back = pool["frames"] - pool["mended"]
            print(f"   fine-tuned arms pooled: the mend took {took:.1f} task-resumes (net), the frame rule's rate is {back:+.1f} above the mended ({back / took:.0%} of it)")
        took = [r for r in new if r["kind"] == kind and (fam is None or r["interruption"] in fam) and tuned(arm(r["variant"]))
                and (r["variant"], r["task"]) in old and old[(r["variant"], r["task"])]["resumed"] == 1.0 and r["resumed"] == 0.0]
        tighter = [r for r in new if r["kind"] == kind and (fam is None or r["interruption"] in fam) and tuned(arm(r["variant"]))
                   and r["resumed"] == 1.0 and r["resumed_frames"] == 0.0]
        print(f"   fine-tuned arms pooled, by record: {len(took)} records went from resumed 1 to 0 with the mend; resumed_frames 1 in "
              f"{sum(r['resumed_frames'] == 1.0 for r in took)} of them; resumed 1 but resumed_frames 0 in {len(tighter)} records")
P
echo "== where hid_frames and hid disagree, interrupted records (V2V and I2V) per checkpoint"
python - <<'P'
import json, collections
recs = [r for r in map(json.loads, open("bench/results-frames/rollouts/records.jsonl")) if r["interruption"] != "none"]
n, looser, stricter = collections.Counter(), collections.Counter(), collections.Counter()
for r in recs:
    if r["hid"] is None or r["hid_frames"] is None: continue
    v = r["variant"]; n[v] += 1; looser[v] += r["hid_frames"] > r["hid"]; stricter[v] += r["hid_frames"] < r["hid"]
for v in n: print(f"{v:14s} {n[v]} records: differ on {(looser[v] + stricter[v]) / n[v]:5.1%}; hid_frames 1 where hid 0: {looser[v]:3d}; hid_frames 0 where hid 1: {stricter[v]:2d}")
N = sum(n.values()); print(f"all {N} records: differ on {(sum(looser.values()) + sum(stricter.values())) / N:.1%}; stricter on {sum(stricter.values()) / N:.2%}")
fam = collections.Counter(); famn = collections.Counter()
for r in recs:
    if r["hid"] is None or r["hid_frames"] is None or r["variant"] in ("base", "codec ceiling"): continue
    famn[(r["kind"], r["interruption"])] += 1; fam[(r["kind"], r["interruption"])] += r["hid_frames"] > r["hid"]
print("fine-tuned checkpoints, hid_frames 1 where hid 0, per kind and family: " + ", ".join(f"{k[0]} {k[1]} {fam[k]} of {famn[k]}" for k in sorted(famn)))
P
pool() { echo "$R:$1 s0+$R:$1 s1+$R:$1 s2"; }
echo "== paired over tasks, resumed (mended) and resumed_frames, V2V (three seeds a side); seeds p under the frame rule"
for pair in "no_pm_rope remind" "no_pm_rope qk" "qk remind" "vo remind" "dual remind" "vo qk" "no_pm_rope vo" "base remind"; do
  set -- $pair; echo "-- $2 minus $1"
  if [ $1 = base ]; then A="$R:base"; else A="$(pool $1)"; fi
  for f in "" camera_loop,zoom light_toggle,occluder; do
    python bench/paired.py "$A" "$(pool $2)" ${f:+--families $f} | grep -E "v2v resumed" | sed "s/^/${f:-all}: /"
    [ $1 = base ] && continue
    python bench/seed_level.py "$A" "$(pool $2)" --key resumed_frames --kind v2v ${f:+--families $f} | sed "s/^/${f:-all} seeds, frames: /"
  done
done
echo "== post hoc: the lights-off records the mend took, frame by frame (frames-lights.sh; share >= 0.1 of the ball drawn, light as the readers estimate it)"
python - <<'P'
import json, collections
D = "bench/results-frames/rollouts"
fr = {(r["variant"], r["task"]): r for r in map(json.loads, open(f"{D}/records.jsonl"))}
for kind in ("v2v", "i2v"):
    c = collections.Counter()
    for r in map(json.loads, open(f"{D}/frames-lights-{kind}.jsonl")):
        g = "given back" if fr[(r["variant"], r["task"])]["resumed_frames"] == 1.0 else "kept out"
        drawn = [i for i, s in enumerate(r["share"]) if s >= 0.1]
        c[g] += 1; c[g, "drawn"] += len(drawn); c[g, "n"] += len(r["share"])
        c[g, "lit"] += sum(r["light"][i] >= 0.5 for i in drawn)
        c[g, "late"] += sum(i >= len(r["share"]) * 2 / 3 for i in drawn)
    for g in ("given back", "kept out"):
        if c[g]: print(f"{kind} {g} by the frame rule: {c[g]} records, {c[g, 'drawn']} of their {c[g, 'n']} hidden frames drew the ball; "
                       f"of those, {c[g, 'lit']} in a room lit >= 0.5, {c[g, 'drawn'] - c[g, 'lit']} darker; {c[g, 'late']} in the last third of the interval")
P
