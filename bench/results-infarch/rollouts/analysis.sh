#!/bin/bash
# The inflate-line architecture arms in the results table (bench/README.md, "The inflate-line architecture arms in the
# results table" and "Dual attention on the inflate line"): rows split by whether the video hid the ball (bench/obeyed.py), paired differences over tasks
# (bench/paired.py) and seed-level comparisons (bench/seed_level.py) of "hid and resumed", by family group, V2V and I2V,
# clean-control PSNR, and the reproduction of the 2026-12-04 table records. Run from the repository root with the venv
# active; output: analysis.txt here.
D=bench/results-infarch/rollouts; R=$D/records.jsonl
python bench/obeyed.py $D
pool() { echo "$R:$1 s0+$R:$1 s1+$R:$1 s2"; }
for pair in "no_pm_rope remind" "vo remind" "qk vo" "qk remind" "no_pm_rope vo" "no_pm_rope qk" "dual remind" "no_pm_rope dual" "base remind"; do
  set -- $pair; echo "== $2 minus $1 (resumed: hid and resumed)"
  if [ $1 = base ]; then A="$R:base"; else A="$(pool $1)"; fi
  for f in "" camera_loop,zoom light_toggle,occluder; do
    python bench/paired.py "$A" "$(pool $2)" ${f:+--families $f} | grep -E "resumed|progress" | sed "s/^/${f:-all}: /"
    [ $1 = base ] && continue
    for k in v2v i2v; do python bench/seed_level.py "$A" "$(pool $2)" --key resumed --kind $k ${f:+--families $f} | sed "s/^/${f:-all} seeds: /"; done
  done
done
echo "== post hoc grouping: Q/K phase (Full + QK) minus none (VO + no PM-RoPE), resumed"
for k in v2v i2v; do for f in "" camera_loop,zoom light_toggle,occluder; do
  python bench/seed_level.py "$(pool vo)+$(pool no_pm_rope)" "$(pool remind)+$(pool qk)" --key resumed --kind $k ${f:+--families $f} | sed "s/^/${f:-all} $k: /"
done; done
echo "== clean controls: mean PSNR / SSIM per arm (seeds pooled), V2V and I2V"
python - <<'P'
import collections, json
by = collections.defaultdict(list)
for r in map(json.loads, open('bench/results-infarch/rollouts/records.jsonl')):
    if r['interruption'] == 'none': by[(r['variant'].split(' s')[0], r['kind'])].append(r)
for (arm, kind), rs in sorted(by.items()):
    print(f"{arm:14s} {kind}: PSNR {sum(r['psnr'] for r in rs) / len(rs):5.2f} dB  SSIM {sum(r['ssim'] for r in rs) / len(rs):.3f}  over {len(rs)}")
P
echo "== reproduction: Full s0 / s1 against their 2026-12-04 table records (bench/results-gpu-inflate/node-drop-False), first 75 tasks"
python bench/reproduced.py bench/results-gpu-inflate/node-drop-False/records.jsonl $R "remind s0" "remind s1" base "codec ceiling" \
  --exact resumed,progress,hid --close psnr
echo "== anchor share of recovery chunks against its chance level (bench/anchor_chance.py), seeds pooled per task"
S() { echo "$1 s0+$1 s1+$1 s2"; }
python bench/anchor_chance.py $R base "$(S remind)" "$(S qk)" "$(S vo)" "$(S no_pm_rope)" "$(S dual)" --processes inflate --families
echo "-- each minus no PM-RoPE, task by task"
python bench/anchor_chance.py $R "$(S remind)" "$(S qk)" "$(S vo)" "$(S dual)" --processes inflate --versus "$(S no_pm_rope)"
echo "-- Full minus dual, task by task"
python bench/anchor_chance.py $R "$(S remind)" --processes inflate --versus "$(S dual)"
echo "== per family, exploratory (chosen after the pooled rows were read): the probe's progress (bench/results-infarch, 40 val tasks a family) and the table's V2V hid and resumed (22-23 test tasks a family), three seeds a side"
P=bench/results-infarch/records.jsonl
ppool() { echo "$P:infarch-$1-s0+$P:infarch-$1-s1+$P:infarch-$1-s2"; }
for f in camera_loop zoom light_toggle occluder; do for pair in "no_pm_rope remind" "no_pm_rope qk" "vo qk" "no_pm_rope vo" "no_pm_rope dual"; do
  set -- $pair
  echo "$f, $2 minus $1: probe $(python bench/paired.py "$(ppool $1)" "$(ppool $2)" --families $f | grep progress | sed 's/^v2v progress  //'); table $(python bench/paired.py "$(pool $1)" "$(pool $2)" --families $f | grep 'v2v resumed' | sed 's/^v2v resumed   //')"
done; done
