#!/bin/bash
# The teacher-forced probe on the inflate results table's own 90 interrupted V2V tasks (bench/README.md, "The probe on
# the table's own tasks"): the retrained checkpoints against their committed val probe records, the probe's rows, QK
# minus no PM-RoPE by family group over tasks (bench/paired.py) and over seeds (bench/seed_level.py), and each
# checkpoint's probe minus its own table rollout on the same tasks (progress); then whether the table's rollouts hid
# the ball where its reader cannot tell (bench/hid_check.py: camera loops, zooms, lights off) and the stricter rate
# that gives a rollout that kept the ball in view no credit. Run from the repository root with the venv active;
# output: analysis.txt here.
D=bench/results-infarch/probe-table; P=$D/records.jsonl; T=bench/results-infarch/rollouts/records.jsonl
V=bench/results-infarch/records.jsonl
ARMS=${ARMS:-"qk no_pm_rope"}; SEEDS=${SEEDS:-"0 1 2"}
echo "== reproduction: each retrained checkpoint's 160 val tasks ($D/repro-val.jsonl) against its committed probe records"
python bench/reproduced.py "$V" "$D/repro-val.jsonl"
echo "== rows (recovery_probe --summarize; seeds pooled at the effective sample size)"
python bench/recovery_probe.py --summarize $P
ppool() { local s out=""; for s in $SEEDS; do out="$out+$P:$1-s$s"; done; echo "${out#+}"; }
tpool() { local s out=""; for s in $SEEDS; do out="$out+$T:$1 s$s"; done; echo "${out#+}"; }
echo "== QK minus no PM-RoPE in the probe on the table's tasks (progress), seeds $SEEDS"
for f in "" camera_loop,zoom light_toggle,occluder camera_loop zoom; do
  python bench/paired.py "$(ppool no_pm_rope)" "$(ppool qk)" ${f:+--families $f} | grep progress | sed "s/^/${f:-all}: /"
  [ "$SEEDS" != "0" ] && python bench/seed_level.py "$(ppool no_pm_rope)" "$(ppool qk)" ${f:+--families $f} | sed "s/^/${f:-all} seeds: /"
done
echo "== the same pair in the table (rollouts, progress), the same seeds"
for f in "" camera_loop,zoom light_toggle,occluder; do
  python bench/paired.py "$(tpool no_pm_rope)" "$(tpool qk)" ${f:+--families $f} | grep "v2v progress" | sed "s/^/${f:-all}: /"
done
echo "== probe minus table, each checkpoint on its own tasks (B: the probe, A: the table rollout; progress)"
for a in base $ARMS; do for f in "" camera_loop,zoom light_toggle,occluder camera_loop zoom; do
  if [ $a = base ]; then A="$T:base"; B="$P:base"; else A="$(tpool $a)"; B="$(ppool $a)"; fi
  python bench/paired.py "$A" "$B" ${f:+--families $f} | grep "v2v progress" | sed "s/^/$a ${f:-all}: /"
done; done
echo "== seed 0 of VO only and dual attention (trained again for the hid check): probe minus table, as above"
for a in vo dual; do for f in "" camera_loop,zoom light_toggle,occluder; do
  python bench/paired.py "$T:$a s0" "$P:$a-s0" ${f:+--families $f} | grep "v2v progress" | sed "s/^/$a s0 ${f:-all}: /"
done; done
echo "== side by side per checkpoint and family group: the table's progress, hid and hid-and-resumed, the probe's progress;"
echo "   and task by task, probe / table progress both 1, probe only, table only, neither"
python - "$P" "$T" <<'PY'
import collections, json, sys
probe = [r for r in map(json.loads, open(sys.argv[1]))]
table = {(r['variant'], r['task']): r for r in map(json.loads, open(sys.argv[2]))}
group = lambda r: 'camera loop + zoom' if r['interruption'] in ('camera_loop', 'zoom') else 'lights + occluder'
by = collections.defaultdict(list)
for r in probe: by[(r['variant'], group(r))].append((r, table[(r['variant'].replace('-s', ' s'), r['task'])]))
for (v, g), rows in sorted(by.items()):
    mean = lambda f: 100 * sum(f(p, t) for p, t in rows) / len(rows)
    both, ponly, tonly = (sum(bool(p['progress']) == a and bool(t['progress']) == b for p, t in rows) for a, b in ((1, 1), (1, 0), (0, 1)))
    print(f"{v:15s} {g:18s} n={len(rows)}  table progress {mean(lambda p, t: t['progress']):5.1f}%  hid {mean(lambda p, t: t['hid'] or 0):5.1f}%  "
          f"resumed {mean(lambda p, t: t['resumed'] or 0):5.1f}%  | probe progress {mean(lambda p, t: p['progress']):5.1f}%  "
          f"| both {both}, probe only {ponly}, table only {tonly}, neither {len(rows) - both - ponly - tonly}")
PY
echo "== did the table's rollouts hide the ball? (bench/hid_check.py, re-drawn as the table drew them; $D/hid.jsonl)"
H=$D/hid.jsonl
python bench/hid_check.py --summarize $H
for m in 0.05 0.2 0.5; do
  echo "-- drawn-ball threshold $m instead of 0.1, camera families"
  python bench/hid_check.py --summarize $H --ball-min $m | grep "camera loop"
done
hpool() { local s out=""; for s in $SEEDS; do out="$out+$H:$1 s$s"; done; echo "${out#+}"; }
echo "-- QK minus no PM-RoPE on the camera families, the table's hid and resumed and the strict rate"
for f in camera_loop,zoom camera_loop zoom; do
  python bench/paired.py "$(hpool no_pm_rope)" "$(hpool qk)" --families $f | grep -E "resumed|strict" | sed "s/^/$f: /"
done
for k in resumed strict; do
  python bench/seed_level.py "$(hpool no_pm_rope)" "$(hpool qk)" --key $k --families camera_loop,zoom | sed "s/^/seeds: /"
done
echo "-- seed 0 of Full, VO and dual minus no PM-RoPE (three seeds) on the camera families, strict (one seed a side: exploratory)"
for a in remind vo dual; do
  python bench/paired.py "$(hpool no_pm_rope)" "$H:$a s0" --families camera_loop,zoom | grep strict | sed "s/^/$a s0: /"
done
echo "-- dual s0 minus no PM-RoPE (three seeds) in the probe on the table's tasks, by family (exploratory)"
for f in camera_loop,zoom zoom camera_loop; do
  python bench/paired.py "$(ppool no_pm_rope)" "$P:dual-s0" --families $f | grep progress | sed "s/^/$f: /"
done
