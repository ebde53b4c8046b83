#!/bin/bash
# The architecture arms on the inflate line (bench/README.md, "The architecture order where the memory works"): rows, paired
# differences over tasks (bench/paired.py), seed-level comparisons (bench/seed_level.py) and the anchor excess on the camera
# families, all from the committed records. Run from the repository root with the venv active; output: analysis.txt here.
R=bench/results-infarch/records.jsonl
python bench/recovery_probe.py --summarize $R | grep infarch
pool() { local s=""; for x in 0 1 2; do s="$s+$R:infarch-$1-s$x"; done; echo ${s#+}; }
for pair in "no_pm_rope remind" "vo remind" "qk vo" "qk remind" "no_pm_rope vo" "no_pm_rope qk" "dual remind" "no_pm_rope dual"; do
  set -- $pair; echo "== $2 minus $1"
  python bench/paired.py "$(pool $1)" "$(pool $2)"
  for f in camera_loop,zoom light_toggle,occluder; do python bench/paired.py "$(pool $1)" "$(pool $2)" --families $f | grep progress | sed "s/^/$f: /"; done
  for f in "" camera_loop,zoom light_toggle,occluder; do python bench/seed_level.py "$(pool $1)" "$(pool $2)" ${f:+--families $f} | sed 's/^/seeds: /'; done
done
echo "== post hoc: Q/K phase (Full + QK) minus none (VO + no PM-RoPE)"
for f in "" camera_loop,zoom light_toggle,occluder; do python bench/seed_level.py "$(pool vo)+$(pool no_pm_rope)" "$(pool remind)+$(pool qk)" ${f:+--families $f}; done
echo "== anchor excess (share minus chance) on camera loops and zooms, seeds averaged per task"
python - <<'P'
import collections, json, sys
sys.path.insert(0, 'bench'); from anchor_phase import excess, paired
by = collections.defaultdict(lambda: collections.defaultdict(list))
for r in map(json.loads, open('bench/results-infarch/records.jsonl')):
    if r.get('anchor_share') is None or r['interruption'] not in ('camera_loop', 'zoom'): continue
    by[r['variant'].rsplit('-s', 1)[0]][r['task']].append(excess(r))
m = {a: {t: sum(v) / len(v) for t, v in d.items()} for a, d in by.items()}
for a in sorted(m): print(f"{a}: {sum(m[a].values()) / len(m[a]):+.3f} over {len(m[a])} tasks")
pairs = [('no_pm_rope', a) for a in ('dual', 'qk', 'remind', 'vo')] + [('vo', a) for a in ('dual', 'qk', 'remind')] + [('dual', 'remind')]
for ref, a in (('infarch-' + x, 'infarch-' + y) for x, y in pairs):
    d, lo, hi, n = paired(m[ref], m[a]); print(f"  {a} minus {ref}: {d:+.3f} [{lo:+.3f}, {hi:+.3f}] over {n} tasks")
P
