#!/bin/bash
# The all-process line's kept checkpoints probed plain (bench/README.md, "The inflate-line architecture arms in the
# results table", second reading): QK, VO, no PM-RoPE seeds 1-2 and Full s0 as shipped, 160 val tasks, EMA, Euler x 12,
# against the same checkpoints' committed w = 2 records. Run from the repository root with the venv active; output:
# analysis.txt here.
P=bench/results-arch/probe-plain/records.jsonl; G=bench/results-arch/probe/records.jsonl; S=bench/results-seeds/probe/records.jsonl
echo "== reproduction: models/world-long-remind read with w = 2 against the committed remind-s0 records"
python bench/reproduced.py $S $P remind-s0-shipped-hg2=remind-s0
echo "== rows: plain"
python bench/recovery_probe.py --summarize $P
echo "== each checkpoint, w = 2 minus plain (progress, all 160 tasks / camera loop + zoom)"
for v in qk-s1 qk-s2 vo-s1 vo-s2 no_pm_rope-s1 no_pm_rope-s2 remind-s0; do
  g=$G; [ $v = remind-s0 ] && g=$S
  for f in "" camera_loop,zoom; do python bench/paired.py "$P:$v-plain" "$g:$v" ${f:+--families $f} | grep progress | sed "s/^/$v ${f:-all}: /"; done
done
plain() { local s=""; for x in "$@"; do s="$s+$P:$x-plain"; done; echo ${s#+}; }
hg2() { local s=""; for x in "$@"; do s="$s+$G:$x"; done; echo ${s#+}; }
echo "== QK (s1, s2) minus VO and no PM-RoPE (s1, s2), plain and w = 2"
for f in "" camera_loop,zoom light_toggle,occluder; do
  echo "-- ${f:-all}"
  python bench/paired.py "$(plain vo-s1 vo-s2 no_pm_rope-s1 no_pm_rope-s2)" "$(plain qk-s1 qk-s2)" ${f:+--families $f} | grep progress | sed 's/^/plain tasks: /'
  python bench/seed_level.py "$(plain vo-s1 vo-s2 no_pm_rope-s1 no_pm_rope-s2)" "$(plain qk-s1 qk-s2)" ${f:+--families $f} | sed 's/^/plain seeds: /'
  python bench/paired.py "$(hg2 vo-s1 vo-s2 no_pm_rope-s1 no_pm_rope-s2)" "$(hg2 qk-s1 qk-s2)" ${f:+--families $f} | grep progress | sed 's/^/w=2 tasks: /'
  python bench/seed_level.py "$(hg2 vo-s1 vo-s2 no_pm_rope-s1 no_pm_rope-s2)" "$(hg2 qk-s1 qk-s2)" ${f:+--families $f} | sed 's/^/w=2 seeds: /'
done
echo "== pairs, plain, camera loop + zoom (seeds 1-2; Full: s0 alone)"
python bench/paired.py "$(plain no_pm_rope-s1 no_pm_rope-s2)" "$(plain qk-s1 qk-s2)" --families camera_loop,zoom | grep progress | sed 's/^/QK minus no PM-RoPE: /'
python bench/paired.py "$(plain vo-s1 vo-s2)" "$(plain qk-s1 qk-s2)" --families camera_loop,zoom | grep progress | sed 's/^/QK minus VO: /'
python bench/paired.py "$(plain no_pm_rope-s1 no_pm_rope-s2)" "$(plain vo-s1 vo-s2)" --families camera_loop,zoom | grep progress | sed 's/^/VO minus no PM-RoPE: /'
python bench/paired.py "$(plain no_pm_rope-s1 no_pm_rope-s2)" "$(plain remind-s0)" --families camera_loop,zoom | grep progress | sed 's/^/Full s0 minus no PM-RoPE: /'
