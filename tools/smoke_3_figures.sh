# The published figures, derived again from the committed records (sourced by tools/test.sh; repo root, .venv active).
#   figures: README.md quotes paired differences and pooled rates that were computed once from records under bench/.
#            This re-derives the central ones with the commands README.md and bench/README.md name and fails when
#            a line differs, so a change to a record file, to the bootstrap (`recovery_probe.paired_difference`), to
#            the Wilson pooling, to `bench/paired.py`, `bench/anchor_phase.py`, `bench/seed_level.py`, `bench/hid_check.py` or to `remind.metrics.anchor_chance` cannot silently change a quoted figure. Under a minute.

figure() {   # figure 'expected line fragment(s)' command...: the command's output must hold each line of the first argument
  local want=$1; shift; local got line
  got=$("$@" 2>&1) || { echo "figures: command failed: $*"; echo "$got" | tail -5; return 1; }
  while IFS= read -r line; do
    grep -qF -- "$line" <<< "$got" || { echo "figures: '$line' not in the output of: $*"; echo "$got" | sed 's/^/  | /'; return 1; }
  done <<< "$want"
}

smoke_figures() {
  local S0=bench/results-rint/eq10500-225/records.jsonl S1=bench/results-seeds/s1/records.jsonl S2=bench/results-seeds/s2/records.jsonl
  local B=bench/results-arch/records.jsonl:base P=bench/results-seeds/probe/records.jsonl C=bench/results-camint
  local A=bench/results-arch/seeds/records.jsonl
  local full="$S0:remind+$S1:remind+$S2:remind" fullp="$P:remind-s0+$P:remind-s1+$P:remind-s2"
  local full_arch="bench/results-arch/records.jsonl:remind+$S1:remind+$S2:remind"
  local R0=bench/results-arch/records.jsonl R1=bench/results-arch/s1/records.jsonl R2=bench/results-arch/s2/records.jsonl
  local qk="$R0:qk+$R1:qk+$R2:qk" vo="$R0:vo+$R1:vo+$R2:vo"
  local camint="$C/s0/records.jsonl:camera_interruptions+$C/s1/records.jsonl:camera_interruptions"
  local camintp="$C/probe/records.jsonl:camera_interruptions-s0+$C/probe/records.jsonl:camera_interruptions-s1"
  local lo=light_toggle,occluder
  local I=bench/results-infarch/records.jsonl
  local finf="$I:infarch-remind-s0+$I:infarch-remind-s1+$I:infarch-remind-s2" ninf="$I:infarch-no_pm_rope-s0+$I:infarch-no_pm_rope-s1+$I:infarch-no_pm_rope-s2"
  local T=bench/results-infarch/rollouts/records.jsonl
  rt() { echo "$T:$1 s0+$T:$1 s1+$T:$1 s2"; }
  # README: ReMind minus the baseline, three seeds, interrupted V2V hid and resumed; ReMind minus the GPU base
  figure "v2v resumed   n= 91  A   0.7%  B  14.3%  B - A +13.6 [+8.4, +19.0]" \
    python bench/paired.py "$S0:baseline+$S1:baseline+$S2:baseline" "$full" &&
  figure "i2v resumed   n= 89  A   1.1%  B   7.1%  B - A  +6.0 [+1.5, +10.1]" python bench/paired.py "$B" "$full" &&
  # README: the recovery probe, three seeds pooled (Wilson at the effective sample size)
  figure "| remind (seeds 0, 1, 2) | 480 | 23% [18%, 29%] | 79% |" python bench/recovery_probe.py --summarize "$P" &&
  # README: no PM-RoPE minus Full, three seeds each
  figure "v2v resumed   n= 91  A  14.3%  B  12.1%  B - A  -2.2 [-5.9, +1.1]" \
    python bench/paired.py "$A:remind s0+$A:remind s1+$A:remind s2" "$A:no_pm_rope s0+$A:no_pm_rope s1+$A:no_pm_rope s2" &&
  # README: where the gain lies (lights off and occluder), and the camera_interruptions test
  figure "v2v resumed   n= 45  A   0.0%  B  13.3%  B - A +13.3 [+5.9, +20.7]" python bench/paired.py "$B" "$full_arch" --families $lo &&
  figure "v2v progress  n= 80  A   3.8%  B  21.7%  B - A +17.9 [+10.8, +25.4]" python bench/paired.py "$P:gpubase-hg2" "$fullp" --families $lo &&
  figure "v2v resumed   n= 45  A  13.3%  B   0.0%  B - A -13.3 [-20.7, -5.9]" python bench/paired.py "$full_arch" "$camint" --families $lo &&
  # README: what the data buy (the probe's readable share, lights off and occluder)
  figure "v2v readable  n= 80  A  37.5%  B  85.0%  B - A +47.5 [+36.2, +58.8]" python bench/paired.py "$P:gpubase-hg2" "$P:remind-s1" --families $lo &&
  figure "v2v readable  n= 80  A  79.2%  B  41.9%  B - A -37.3 [-47.1, -27.5]" python bench/paired.py "$fullp" "$camintp" --families $lo &&
  # README: the anchor share against its chance level (the base at chance, ReMind above it)
  figure "base                   v2v           n= 76  share 0.54  chance 0.51  share - chance +0.03 [+0.01, +0.06]  above chance  49%
remind s1              v2v           n= 76  share 0.63  chance 0.51  share - chance +0.12 [+0.09, +0.15]  above chance  89%" \
    python bench/anchor_chance.py "$A" base "remind s1" &&
  figure "minus remind s0+remind s1+remind s2: +0.028 [+0.019, +0.037] over 76 tasks" \
    python bench/anchor_chance.py "$A" "no_pm_rope s0+no_pm_rope s1+no_pm_rope s2" --versus "remind s0+remind s1+remind s2" &&
  # README: the architecture order with three seeds of QK and VO (seeds 1 and 2 in bench/results-arch/s1, s2)
  figure "v2v resumed   n= 91  A  14.3%  B  16.8%  B - A  +2.6 [-1.1, +6.6]" python bench/paired.py "$full_arch" "$qk" &&
  figure "v2v resumed   n= 91  A  16.8%  B  12.1%  B - A  -4.8 [-9.9, +0.0]" python bench/paired.py "$qk" "$vo" &&
  # README: dual attention's two seeds against Full's three
  figure "v2v resumed   n= 91  A  14.3%  B  14.3%  B - A  +0.0 [-4.9, +4.9]" python bench/paired.py "$full_arch" "$R0:dual+$R1:dual" &&
  # README: the anchor share with still cameras (Full and QK lower, no PM-RoPE identical; readable falls)
  figure "| remind-s0 | +0.094 | +0.061 | -0.033 [-0.059, -0.008] (63) | -10.0 [-21.2, +1.2] | -35.0 [-46.2, -23.8] |
| qk-s1 | +0.094 | +0.055 | -0.040 [-0.065, -0.015] (63) | -12.5 [-22.5, -3.8] | -27.5 [-38.8, -17.5] |
| no_pm_rope-s1 | +0.136 | +0.136 | +0.000 [+0.000, +0.000] (63) | +0.0 [+0.0, +0.0] | +0.0 [+0.0, +0.0] |" \
    python bench/anchor_phase.py bench/results-arch/anchor-phase/records.jsonl &&
  # README: the architecture arms on the inflate line (bench/results-infarch): Full minus no PM-RoPE on the camera
  # families, over tasks and over seeds; Full minus QK over all tasks
  figure "v2v progress  n= 80  A  24.6%  B  37.1%  B - A +12.5 [+4.6, +20.4]" python bench/paired.py "$ninf" "$finf" --families camera_loop,zoom &&
  figure "B - A +12.5 points, permutation p = 0.100 (of 20 relabellings)" python bench/seed_level.py "$ninf" "$finf" --families camera_loop,zoom &&
  figure "v2v progress  n=160  A  37.3%  B  36.7%  B - A  -0.6 [-2.9, +1.7]" \
    python bench/paired.py "$I:infarch-qk-s0+$I:infarch-qk-s1+$I:infarch-qk-s2" "$finf" &&
  # README: the same arms in the results table (bench/results-infarch/rollouts): Full minus no PM-RoPE after lights and
  # occluders, QK minus VO after camera loops and zooms, Full minus VO over all V2V tasks
  figure "v2v resumed   n= 45  A  32.6%  B  24.4%  B - A  -8.1 [-16.3, -0.7]" \
    python bench/paired.py "$(rt no_pm_rope)" "$(rt remind)" --families light_toggle,occluder &&
  figure "v2v resumed   n= 45  A  32.6%  B  40.7%  B - A  +8.1 [+1.5, +14.8]" \
    python bench/paired.py "$(rt vo)" "$(rt qk)" --families camera_loop,zoom &&
  figure "v2v resumed   n= 90  A  30.7%  B  30.7%  B - A  -0.0 [-5.2, +5.2]" python bench/paired.py "$(rt vo)" "$(rt remind)" &&
  # README: Full continued to 3,000 steps against the same seeds (0 and 1) at 1,500, w = 2 (bench/results-hg-inflate)
  figure "v2v resumed   n= 90  A  36.7%  B  43.3%  B - A  +6.7 [+0.6, +13.3]" \
    python bench/paired.py "bench/results-hg-inflate/guided/records.jsonl:remind s0+bench/results-hg-inflate/guided/records.jsonl:remind s1" \
      "bench/results-hg-inflate/long-3k-s0/records.jsonl:remind+bench/results-hg-inflate/long-3k-s1/records.jsonl:remind" &&
  # README: Full minus dual attention on the inflate line, table V2V
  figure "v2v resumed   n= 90  A  28.5%  B  30.7%  B - A  +2.2 [-3.7, +8.1]" python bench/paired.py "$(rt dual)" "$(rt remind)" &&
  # bench/README: Full's anchor excess in that table (anchor_chance --processes rebuilds the inflate task set); without
  # the flag the narrowed table's task ids are refused with an error naming it
  figure "remind s0+remind s1+remind s2 v2v           n= 79  share 0.59  chance 0.51  share - chance +0.08 [+0.06, +0.11]" \
    python bench/anchor_chance.py "$T" "remind s0+remind s1+remind s2" --processes inflate &&
  # bench/README: the probe on the inflate table's own tasks (QK minus no PM-RoPE on the camera families), and the same
  # pair in the table counted strictly (a rollout that drew the ball while it was hidden gets no credit; bench/hid_check.py)
  local PT=bench/results-infarch/probe-table
  figure "v2v progress  n= 45  A  24.4%  B  40.7%  B - A +16.3 [+3.7, +28.9]" \
    python bench/paired.py "$PT/records.jsonl:no_pm_rope-s0+$PT/records.jsonl:no_pm_rope-s1+$PT/records.jsonl:no_pm_rope-s2" \
      "$PT/records.jsonl:qk-s0+$PT/records.jsonl:qk-s1+$PT/records.jsonl:qk-s2" --families camera_loop,zoom &&
  figure "v2v strict    n= 45  A  16.3%  B  40.7%  B - A +24.4 [+12.6, +36.3]" \
    python bench/paired.py "$PT/hid.jsonl:no_pm_rope s0+$PT/hid.jsonl:no_pm_rope s1+$PT/hid.jsonl:no_pm_rope s2" \
      "$PT/hid.jsonl:qk s0+$PT/hid.jsonl:qk s1+$PT/hid.jsonl:qk s2" --families camera_loop,zoom &&
  figure "| no_pm_rope s0, camera loop + zoom | 45 | 56% | 44% | 33% [21%, 48%] | 13% [6%, 26%] | 45% [26%, 66%] of 20 |" \
    python bench/hid_check.py --summarize "$PT/hid.jsonl" &&
  figure "are not among results_tasks(225, processes='all') (e.g. test-00000-i2v-inflate-clean); expected a 09_results table of those processes (--processes)" \
    bash -c '! python bench/anchor_chance.py "$0" "remind s0"' "$T" &&
  # README and bench/README: the inflate table scored again with the mended hid (remind.metrics.drawn_while_hidden):
  # QK and Full minus no PM-RoPE over all V2V tasks, and the refusal to pair it with a table scored before the mend
  local M=bench/results-drawn/rollouts/records.jsonl
  md() { echo "$M:$1 s0+$M:$1 s1+$M:$1 s2"; }
  figure "v2v resumed   n= 90  A  17.8%  B  30.0%  B - A +12.2 [+4.8, +19.6]" python bench/paired.py "$(md no_pm_rope)" "$(md qk)" &&
  figure "v2v resumed   n= 90  A  17.8%  B  27.8%  B - A +10.0 [+2.6, +17.4]" python bench/paired.py "$(md no_pm_rope)" "$(md remind)" &&
  figure "were scored before \`drawn\` (the reader's hid alone) and the rest after" \
    bash -c '! python bench/paired.py "$0:qk s0" "$1:qk s0"' "$T" "$M" &&
  # bench/README: the hiding rule frame by frame (remind.metrics.hidden_share, resumed_frames), and dual's three seeds
  local F=bench/results-frames/rollouts/records.jsonl
  mf() { echo "$F:$1 s0+$F:$1 s1+$F:$1 s2"; }
  figure "v2v resumed_frames n= 90  A  21.5%  B  31.5%  B - A +10.0 [+2.2, +17.8]" python bench/paired.py "$(mf no_pm_rope)" "$(mf qk)" &&
  figure "i2v resumed   n= 90  A  15.9%  B   9.3%  B - A  -6.7 [-12.2, -1.1]" python bench/paired.py "$(mf dual)" "$(mf remind)" &&
  # bench/README: the inflate line with history guidance (w = 2) against its plain causal baseline
  local H=bench/results-hg-inflate/guided/records.jsonl
  mh() { echo "$H:$1 s0+$H:$1 s1+$H:$1 s2"; }
  figure "v2v resumed   n= 90  A   0.0%  B  37.4%  B - A +37.4 [+28.9, +46.3]" python bench/paired.py "$(mh baseline)" "$(mh remind)"
}

run_smoke figures smoke_figures
