#!/bin/bash
# The inflate line sampled with history guidance (w = 2), and its plain causal baseline (bench/README.md, "The inflate
# line sampled with history guidance, and its plain baseline"): the codec against the committed table, each arm's rates
# plainly and guided (the table's pooled-seed rows), and the paired differences the predictions name; last, Full and VO
# with a guidance weight per latent frame (1 on the interruption's latent frames, 2 elsewhere: scheduled-remind/, scheduled-vo/;
# 1 only on the latents wholly inside it: scheduled-inside-remind/, scheduled-inside-vo/).
# Run from the repository root with the venv active:
#   bash bench/results-hg-inflate/analysis.sh > bench/results-hg-inflate/analysis.txt
D=bench/results-hg-inflate; G=$D/guided/records.jsonl; N=$D/guided-no_pm_rope/records.jsonl; U=$D/guided-dual/records.jsonl
PRIOR=bench/results-frames/rollouts/records.jsonl
codec_same() {  # FILE[:VARIANT] ...: each table's codec rows (not sampled) equal the committed ones in $PRIOR, field by field
  for f in "$@"; do python bench/reproduced.py $PRIOR "${f%:*}" "codec ceiling" --exact progress,frozen,reset,shown,drawn,hid,resumed,resumed_frames --close psnr,ssim; done
}
# plain/records.jsonl holds only what its run scored (the baseline's seeds and the codec); its table (results.json,
# report.html) also kept every other variant of $PRIOR (reuse_records), so the plain side is those joined again here
P=$(mktemp --suffix=.jsonl); trap 'rm -f $P' EXIT
python - "$PRIOR" "$D/plain/records.jsonl" "$P" <<'J'
import json, sys
prior, new, out = sys.argv[1:]
fresh = [json.loads(l) for l in open(new)]
scored = {r["variant"] for r in fresh}
kept = [json.loads(l) for l in open(prior) if json.loads(l)["variant"] not in scored]
open(out, "w").write("".join(json.dumps(r) + "\n" for r in kept + fresh))
J
echo "== reproduction: the codec (not sampled) in each of the four tables (guided, guided no PM-RoPE, guided dual, plain), against $PRIOR"
codec_same $G $N $U
codec_same $D/plain/records.jsonl
echo "== each arm, seeds pooled (Wilson at the tasks' effective sample size, as the table): plain | guided (w = 2)"
python - $P <<'P'
import sys
from remind.experiment import results_table, arm_of
from remind.metrics import read_records
D = "bench/results-hg-inflate"
tab = {}
for name, path in (("plain", sys.argv[1]), ("guided", f"{D}/guided/records.jsonl")):
    recs = read_records(path)
    if name == "guided":   # no PM-RoPE and dual under w = 2 were scored in tables of their own; the codec is the same (checked above)
        recs += [r for f in ("no_pm_rope", "dual") for r in read_records(f"{D}/guided-{f}/records.jsonl") if r["variant"] != "codec ceiling"]
    for r in recs: r["arm"] = arm_of(r["variant"])
    tab[name] = results_table(recs, by="arm")
pct = lambda r, m: "-" if r is None or r.get(f"{m}_n", 0) == 0 else f"{100 * r[m]:5.1f}% [{100 * r[m + '_lo']:4.1f}, {100 * r[m + '_hi']:4.1f}]"
row = lambda name, head, arm: next((r for r in tab[name].get(head, []) if r["arm"] == arm), None)
arms = ["base", "baseline", "remind", "qk", "vo", "no_pm_rope", "dual", "codec ceiling"]
for head, metrics in (("interrupted, V2V", ("resumed", "resumed_frames", "frozen", "progress", "hid")),
                      ("interrupted, I2V", ("resumed", "resumed_frames", "frozen", "progress", "hid"))):
    for m in metrics:
        print(f"-- {head}: {m}")
        for a in arms:
            p, g = row("plain", head, a), row("guided", head, a)
            if p is None and g is None: continue
            n = (g or p)["samples"]
            print(f"{a:14s} ({n:3d}) plain {pct(p, m):22s} guided {pct(g, m)}")
print("-- clean controls: mean PSNR (dB), V2V and I2V pooled")
for a in arms:
    p, g = row("plain", "clean controls", a), row("guided", "clean controls", a)
    f = lambda r: "-" if r is None else f"{r['psnr']:.2f}"
    if p or g: print(f"{a:14s} plain {f(p):6s} guided {f(g)}")
print("-- the largest V2V resumed under w = 2:", max((r["resumed"], r["arm"]) for r in tab["guided"]["interrupted, V2V"] if r["arm"] != "codec ceiling"))
for name in ("plain", "guided"):
    a, b = row(name, "interrupted, V2V", "remind"), row(name, "interrupted, V2V", "baseline")
    if a and b: print(f"-- {name}: Full and baseline V2V resumed Wilson intervals {'overlap' if not (a['resumed_lo'] > b['resumed_hi'] or b['resumed_lo'] > a['resumed_hi']) else 'are apart'}")
P
families() {  # arms (a comma list), then NAME=FILE[+FILE...] per sampling: hid, progress and resumed by family group, V2V and I2V
  python - "$@" <<'F'
import sys
from remind.experiment import arm_of
from remind.metrics import read_records
arms = sys.argv[1].split(",")
sets = {name: [r for f in files.split("+") for r in read_records(f) if r["variant"] != "codec ceiling"]
        for name, files in (a.rsplit("=", 1) for a in sys.argv[2:])}   # a name may hold "=", a path does not
fams = {"camera loop + zoom": ("camera_loop", "zoom"), "lights off": ("light_toggle",), "occluder": ("occluder",)}
for kind in ("v2v", "i2v"):
    for a in arms:
        for name, R in sets.items():
            cells = []
            for fn, fs in fams.items():
                rs = [r for r in R if arm_of(r["variant"]) == a and r["kind"] == kind and r["interruption"] in fs]
                if not rs: continue
                m = lambda k: 100 * sum(r[k] for r in rs if r[k] == r[k]) / len(rs)
                cells.append(f"{fn} ({len(rs)}): hid {m('hid'):3.0f} progress {m('progress'):3.0f} resumed {m('resumed'):3.0f}")
            if cells: print(f"{kind} {a:10s} {name:9s} " + " | ".join(cells))
F
}
pool() { echo "$1:$2 s0+$1:$2 s1+$1:$2 s2"; }
echo "== paired over tasks (three seeds a side averaged per task), B minus A; then seeds p (bench/seed_level.py)"
side() { case $2 in base) echo "$1:base";; *) pool $1 $2;; esac; }
pair() {  # label, A file, A arm, B file, B arm
  echo "-- $1"
  for k in v2v i2v; do
    python bench/paired.py "$(side $2 $3)" "$(side $4 $5)" | grep -E "^$k (resumed|resumed_frames) "
    [ $3 = base ] || [ $5 = base ] || python bench/seed_level.py "$(side $2 $3)" "$(side $4 $5)" --key resumed --kind $k | sed "s/^/$k seeds: /"
  done
}
pair "Full guided minus Full plain" $P remind $G remind
pair "QK guided minus QK plain" $P qk $G qk
pair "base guided minus base plain" $P base $G base
pair "Full minus baseline, plain" $P baseline $P remind
pair "Full minus baseline, guided" $G baseline $G remind
pair "QK minus Full, guided" $G remind $G qk
pair "Full minus VO, guided" $G vo $G remind
pair "Full minus no PM-RoPE, guided" $N no_pm_rope $G remind
pair "QK minus no PM-RoPE, guided" $N no_pm_rope $G qk
pair "Full minus the base, guided" $G base $G remind
pair "Full minus the base, plain" $P base $P remind
pair "QK minus VO, guided" $G vo $G qk
pair "dual guided minus dual plain" $P dual $U dual
pair "Full minus dual, guided" $U dual $G remind
echo "-- the baseline's V2V shown (the ball drawn outside the hidden interval), seeds pooled"
python - $P <<'S'
import sys
from remind.metrics import read_records
for name, path in (("plain", sys.argv[1]), ("guided", "bench/results-hg-inflate/guided/records.jsonl")):
    rs = [r for r in read_records(path) if r["variant"].startswith("baseline s") and r["kind"] == "v2v" and r["interruption"] != "none"]
    print(f"{name}: shown {100 * sum(r['shown'] for r in rs) / len(rs):.1f}% of {len(rs)}")
S
echo "== post hoc (read after the rows above): hid, progress and resumed by family group, plain against guided, V2V and I2V"
families base,baseline,remind,qk,vo,no_pm_rope,dual plain=$P guided=$G+$N+$U
echo "== a guidance weight per latent frame: 1 on the latent frames that hold the interruption, 2 elsewhere (scheduled-remind/, scheduled-vo/), and 1 only on those wholly inside it (scheduled-inside-*/); predictions in bench/README.md"
S1=$D/scheduled-remind/records.jsonl; S2=$D/scheduled-vo/records.jsonl
# the same schedule without the two latents that straddle the interruption's edges (hidden_edges=False): scheduled-inside-*/
I1=$D/scheduled-inside-remind/records.jsonl; I2=$D/scheduled-inside-vo/records.jsonl
codec_same $S1 $S2 $I1 $I2
echo "-- clean controls (no interruption, so w = 2 throughout) against guided/, record by record"
python - $G $S1 $S2 $I1 $I2 <<'C'
import sys
from remind.metrics import read_records
same = lambda a, b: a == b or (a is None or a != a) and (b is None or b != b)
keys = ("progress", "frozen", "reset", "shown", "abs_error", "plausibility", "coherent", "psnr", "ssim")
old = {(r["variant"], r["task"]): r for r in read_records(sys.argv[1]) if r["interruption"] == "none"}
for path in sys.argv[2:]:
    rs = [r for r in read_records(path) if r["interruption"] == "none" and r["variant"] != "codec ceiling"]
    eq = sum(all(same(r[k], old[r["variant"], r["task"]][k]) for k in keys) for r in rs)
    print(f"{path}: {eq} of {len(rs)} clean records equal guided/'s exactly in {', '.join(keys)}")
C
echo "-- Full and VO, seeds pooled (Wilson at the tasks' effective sample size): plain | w = 2 | scheduled | inside (edges at w = 2)"
python - $P $G $S1 $S2 $I1 $I2 <<'R'
import sys
from remind.experiment import results_table, arm_of
from remind.metrics import read_records
plain, guided, s1, s2, i1, i2 = sys.argv[1:]
tab = {}
for name, recs in (("plain", read_records(plain)), ("w = 2", read_records(guided)),
                   ("scheduled", read_records(s1) + [r for r in read_records(s2) if r["variant"] != "codec ceiling"]),
                   ("inside", read_records(i1) + [r for r in read_records(i2) if r["variant"] != "codec ceiling"])):
    for r in recs: r["arm"] = arm_of(r["variant"])
    tab[name] = results_table(recs, by="arm")
pct = lambda r, m: "-" if r is None or r.get(f"{m}_n", 0) == 0 else f"{100 * r[m]:5.1f}% [{100 * r[m + '_lo']:4.1f}, {100 * r[m + '_hi']:4.1f}]"
row = lambda name, head, arm: next((r for r in tab[name].get(head, []) if r["arm"] == arm), None)
for head in ("interrupted, V2V", "interrupted, I2V"):
    for m in ("resumed", "resumed_frames", "hid", "progress", "frozen"):
        print(f"-- {head}: {m}")
        for a in ("remind", "vo"):
            print(f"{a:7s} " + " | ".join(f"{name} {pct(row(name, head, a), m):22s}" for name in tab))
print("-- clean controls: mean PSNR (dB), V2V and I2V pooled")
for a in ("remind", "vo"): print(f"{a:7s} " + " | ".join(f"{name} {row(name, 'clean controls', a)['psnr']:.2f}" for name in tab))
R
echo "-- paired over tasks (three seeds a side averaged per task), B minus A; then seeds p"
pair "Full scheduled minus Full w = 2" $G remind $S1 remind
pair "VO scheduled minus VO w = 2" $G vo $S2 vo
pair "Full scheduled minus Full plain" $P remind $S1 remind
pair "Full minus VO, scheduled" $S2 vo $S1 remind
pair "Full inside minus Full w = 2" $G remind $I1 remind
pair "VO inside minus VO w = 2" $G vo $I2 vo
pair "Full inside minus Full scheduled" $S1 remind $I1 remind
pair "Full minus VO, inside" $I2 vo $I1 remind
echo "-- by family group: hid, progress and resumed under w = 2, scheduled and inside"
families remind,vo "w = 2=$G" scheduled=$S1+$S2 inside=$I1+$I2
echo "== the weight outside the hidden frames on val tasks (val-inside-w{2,3,4}/: Full seed 0, inside schedule, 225 val tasks; the rule picks the highest pooled resumed)"
python - <<'V'
from remind.metrics import read_records, wilson_ci
D = "bench/results-hg-inflate"
for w in (2, 3, 4):
    recs = read_records(f"{D}/val-inside-w{w}/records.jsonl")
    hit = [r for r in recs if r["variant"] == "remind" and r["interruption"] != "none"]
    rate = lambda k, rs: [r[k] for r in rs if r[k] == r[k] and r[k] is not None]
    def cell(k, rs):
        p, lo, hi, n = wilson_ci(rate(k, rs))
        return f"{k} {100 * p:5.1f}% [{100 * lo:4.1f}, {100 * hi:4.1f}]"
    for kind in ("v2v", "i2v", "pooled"):
        rs = [r for r in hit if kind == "pooled" or r["kind"] == kind]
        print(f"w = {w} {kind:6s} ({len(rs)}): " + " | ".join(cell(k, rs) for k in ("resumed", "hid", "progress", "frozen")))
    clean = [r["psnr"] for r in recs if r["variant"] == "remind" and r["interruption"] == "none"]
    codec = rate("resumed", [r for r in recs if r["variant"] == "codec ceiling" and r["interruption"] != "none"])
    print(f"w = {w} clean controls ({len(clean)}): mean PSNR {sum(clean) / len(clean):.2f} dB; codec resumed {100 * sum(codec) / len(codec):.1f}%")
V
echo "-- paired over the val tasks (one seed), B minus A"
for W in 3 4; do echo "-- w = $W minus w = 2"; python bench/paired.py "$D/val-inside-w2/records.jsonl:remind" "$D/val-inside-w$W/records.jsonl:remind" | grep -E "^(v2v|i2v) (resumed|progress) "; done
echo "== post hoc: after occluders, how often Full draws the ball inside the hidden interval (drew: its colours there), by sampling"
python - <<'O'
from remind.experiment import arm_of
from remind.metrics import read_records
D = "bench/results-hg-inflate"
for name, f in (("plain", "bench/results-frames/rollouts/records.jsonl"), ("w = 2", f"{D}/guided/records.jsonl"),
                ("inside", f"{D}/scheduled-inside-remind/records.jsonl")):
    rs = [r for r in read_records(f) if arm_of(r["variant"]) == "remind" and r["interruption"] == "occluder"]
    for kind in ("v2v", "i2v"):
        x = [r for r in rs if r["kind"] == kind]
        m = lambda k: 100 * sum(r[k] for r in x if r[k] == r[k]) / len([r for r in x if r[k] == r[k]])
        print(f"{name:6s} {kind} ({len(x)}): drew {m('drew'):3.0f}% | hid {m('hid'):3.0f}% | progress {m('progress'):3.0f}% | resumed {m('resumed'):3.0f}%")
O
echo "== Full continued to 3,000 steps (long-3k-sN/, one table per seed, w = 2) against the same seeds at 1,500 steps (guided/)"
SEEDS=$(ls -d $D/long-3k-s* | sed 's/.*-s//' | sort -n | tr '\n' ' ')
codec_same $(for S in $SEEDS; do echo $D/long-3k-s$S/records.jsonl; done)
python - $G $SEEDS <<'L'
import sys
from remind.experiment import results_table
from remind.metrics import read_records
guided, seeds = sys.argv[1], sys.argv[2:]
print(f"seeds {', '.join(seeds)}")
short = [{**r, "arm": "1,500 steps"} for r in read_records(guided) if r["variant"] in {f"remind s{s}" for s in seeds}]
long = [{**r, "arm": "3,000 steps"} for s in seeds for r in read_records(f"bench/results-hg-inflate/long-3k-s{s}/records.jsonl") if r["variant"] == "remind"]
tab = results_table(short + long, by="arm")
pct = lambda r, m: f"{100 * r[m]:5.1f}% [{100 * r[m + '_lo']:4.1f}, {100 * r[m + '_hi']:4.1f}]"
for head in [h for h in tab if h != "clean controls"]:   # V2V, I2V, then each family (both kinds)
    for r in tab[head]:
        print(f"{head:17s} {r['arm']:11s} ({r['samples']}): " + " | ".join(f"{m} {pct(r, m)}" for m in ("resumed", "hid", "progress", "frozen")))
for r in tab["clean controls"]: print(f"clean controls    {r['arm']:11s} ({r['samples']}): PSNR {r['psnr']:.2f} dB")
L
echo "-- paired over tasks (the seeds a side averaged per task), 3,000 minus 1,500 steps; then seeds p"
A=$(for S in $SEEDS; do printf "+$G:remind s$S"; done | cut -c2-); B=$(for S in $SEEDS; do printf "+$D/long-3k-s$S/records.jsonl:remind"; done | cut -c2-)
for k in v2v i2v; do
  python bench/paired.py "$A" "$B" | grep -E "^$k (resumed|progress) "
  python bench/seed_level.py "$A" "$B" --key resumed --kind $k | sed "s/^/$k seeds: /"
done
echo "== every arm at 3,000 steps (long-3k-ARM-sN/; Full's are long-3k-sN/), each against its own seeds at 1,500 steps (guided/; dual's guided-dual/, no PM-RoPE's guided-no_pm_rope/), w = 2"
long3k() {  # arm: its 3,000-step seeds as paired.py's sides (file:variant joined by +), or nothing
  local pre=$D/long-3k-$1-s; [ $1 = remind ] && pre=$D/long-3k-s
  for f in $(ls -d $pre[0-9] 2>/dev/null); do printf "+$f/records.jsonl:$1"; done | cut -c2-
}
short() {  # the same seeds at 1,500 steps: dual's and no PM-RoPE's in their own guided tables, the rest in guided/
  echo "$1" | sed -e "s#[^+:]*/long-3k-dual-s\([0-9]\)/records.jsonl:dual#$U:dual s\1#g" \
    -e "s#[^+:]*/long-3k-no_pm_rope-s\([0-9]\)/records.jsonl:no_pm_rope#$N:no_pm_rope s\1#g" \
    -e "s#[^+:]*/long-3k-[a-z_]*-*s\([0-9]\)/records.jsonl:\([a-z_]*\)#$G:\2 s\1#g"
}
ARMS3=""; for a in remind baseline vo qk dual no_pm_rope; do [ -n "$(long3k $a)" ] && ARMS3="$ARMS3 $a"; done
for a in $ARMS3; do [ $a = remind ] || codec_same $(long3k $a | tr '+' ' '); done
python - $G+$N+$U $(for a in $ARMS3; do echo "$a=$(long3k $a)"; done) <<'L'
import sys
from remind.experiment import results_table
from remind.metrics import read_records
guided, sides = sys.argv[1], dict(a.split("=", 1) for a in sys.argv[2:])
recs = []
for arm, side in sides.items():
    seeds = []
    for spec in side.split("+"):
        path, variant = spec.rsplit(":", 1); seeds.append(path.rsplit("-s", 1)[1].split("/")[0])
        recs += [{**r, "arm": f"{arm} 3,000"} for r in read_records(path) if r["variant"] == variant]
    recs += [{**r, "arm": f"{arm} 1,500"} for g in guided.split("+") for r in read_records(g) if r["variant"] in {f"{arm} s{s}" for s in seeds}]
    print(f"{arm}: seeds {', '.join(seeds)}")
tab = results_table(recs, by="arm")
pct = lambda r, m: f"{100 * r[m]:5.1f}% [{100 * r[m + '_lo']:4.1f}, {100 * r[m + '_hi']:4.1f}]"
for head in ("interrupted, V2V", "interrupted, I2V"):
    for r in sorted(tab[head], key=lambda r: r["arm"]):
        print(f"{head:17s} {r['arm']:15s} ({r['samples']}): " + " | ".join(f"{m} {pct(r, m)}" for m in ("resumed", "hid", "progress", "frozen")))
for r in sorted(tab["clean controls"], key=lambda r: r["arm"]): print(f"clean controls    {r['arm']:15s} ({r['samples']}): PSNR {r['psnr']:.2f} dB | progress {pct(r, 'progress')} | frozen {pct(r, 'frozen')}")
a, b = ({r["arm"]: r for r in tab["interrupted, V2V"]}.get(k) for k in ("remind 3,000", "baseline 3,000"))
if a and b: print(f"-- 3,000 steps: Full and baseline V2V resumed Wilson intervals {'overlap' if not (a['resumed_lo'] > b['resumed_hi'] or b['resumed_lo'] > a['resumed_hi']) else 'are apart'}")
L
pair3() {  # label, A side, B side: paired over tasks, then seeds p
  echo "-- $1"
  for k in v2v i2v; do
    python bench/paired.py "$2" "$3" | grep -E "^$k (resumed|progress) "
    python bench/seed_level.py "$2" "$3" --key resumed --kind $k | sed "s/^/$k seeds: /"
  done
}
for a in $ARMS3; do [ $a = remind ] || pair3 "$a: 3,000 minus 1,500 steps" "$(short "$(long3k $a)")" "$(long3k $a)"; done
for a in $ARMS3; do [ $a = remind ] || pair3 "Full minus $a, both at 3,000 steps" "$(long3k $a)" "$(long3k remind)"; done
[[ " $ARMS3 " == *" qk "* && " $ARMS3 " == *" vo "* ]] && pair3 "QK minus VO, both at 3,000 steps" "$(long3k vo)" "$(long3k qk)"
[[ " $ARMS3 " == *" qk "* && " $ARMS3 " == *" no_pm_rope "* ]] && pair3 "QK minus no PM-RoPE, both at 3,000 steps" "$(long3k no_pm_rope)" "$(long3k qk)"
[[ " $ARMS3 " == *" dual "* && " $ARMS3 " == *" qk "* ]] && pair3 "dual minus QK, both at 3,000 steps" "$(long3k qk)" "$(long3k dual)"
echo "-- by family: each arm at 1,500 and at 3,000 steps (seeds pooled)"
F3=$(for a in $ARMS3; do long3k $a | tr '+' '\n' | sed 's/:[a-z_]*$//'; done | sort -u | tr '\n' '+' | sed 's/+$//')
families $(echo $ARMS3 | tr ' ' ',') "1,500=$G+$N+$U" "3,000=$F3"
echo "== Full seed 0 at 1,500 (guided/), 3,000 (long-3k-s0/) and 6,000 steps (long-6k-s0/), w = 2"
if [ -f $D/long-6k-s0/records.jsonl ]; then
codec_same $D/long-6k-s0/records.jsonl
python - $G <<'L'
import sys
from remind.experiment import results_table
from remind.metrics import read_records
D = "bench/results-hg-inflate"
recs = [{**r, "arm": "1,500 steps"} for r in read_records(sys.argv[1]) if r["variant"] == "remind s0"]
for n, d in (("3,000", "long-3k-s0"), ("6,000", "long-6k-s0")):
    recs += [{**r, "arm": f"{n} steps"} for r in read_records(f"{D}/{d}/records.jsonl") if r["variant"] == "remind"]
tab = results_table(recs, by="arm")
pct = lambda r, m: f"{100 * r[m]:5.1f}% [{100 * r[m + '_lo']:4.1f}, {100 * r[m + '_hi']:4.1f}]"
for head in [h for h in tab if h != "clean controls"]:
    for r in tab[head]:
        print(f"{head:21s} {r['arm']:11s} ({r['samples']}): " + " | ".join(f"{m} {pct(r, m)}" for m in ("resumed", "hid", "progress", "frozen")))
for r in tab["clean controls"]: print(f"clean controls        {r['arm']:11s} ({r['samples']}): PSNR {r['psnr']:.2f} dB")
L
echo "-- paired over tasks, 6,000 minus 3,000 steps (seed 0)"
python bench/paired.py "$D/long-3k-s0/records.jsonl:remind" "$D/long-6k-s0/records.jsonl:remind" | grep -E "^(v2v|i2v) (resumed|progress) "
python - <<'V'
import json
rows = [json.loads(l) for l in open("runs/gpu/ft-inflate-6k/remind-s0/metrics.jsonl")] if __import__("os").path.exists("runs/gpu/ft-inflate-6k/remind-s0/metrics.jsonl") else []
val = [(r["step"], r["val_loss"]) for r in rows if "val_loss" in r]
# the run's folder was not kept; its figures, read from it on 2026-12-07, are printed when it is gone
READ = "500: 0.192, 1000: 0.179, 1500: 0.192, 2000: 0.176, 2500: 0.170, 3000: 0.154, 3500: 0.162, 4000: 0.147, 4500: 0.155, 5000: 0.149, 5500: 0.145, 6000: 0.142"
print("-- seed 0's validation loss by step (runs/, not committed):", ", ".join(f"{s}: {v:.3f}" for s, v in val) if val else f"{READ} (read 2026-12-07; the run is no longer on this machine)")
V
fi
echo "== carried: the share of the truth's change since the interruption began that the recovery frames show (1 right, 0 frozen; remind.metrics.carried_share), tables scored after it existed"
carried() {  # LABEL=FILE:VARIANT[+FILE:VARIANT...] ...: by family and kind, the median carried, and whether progress failures were behind or ahead
  python - "$@" <<'E'
import sys
from remind.metrics import read_records, carried_summary
fams = ("none", "camera_loop", "zoom", "light_toggle", "occluder")
for arg in sys.argv[1:]:
    label, side = arg.split("=", 1)
    recs = []
    for spec in side.split("+"):
        path, variant = spec.rsplit(":", 1)
        recs += [r for r in read_records(path) if r["variant"] == variant]
    if not recs or any("carried" not in r for r in recs): print(f"{label}: records without carried (scored before it existed)"); continue
    for kind in ("v2v", "i2v"):
        cells = []
        for fam in fams:
            rs = [r for r in recs if r["kind"] == kind and r["interruption"] == fam]
            c = carried_summary(rs)
            cells.append(f"{'clean' if fam == 'none' else fam} ({len(rs)}): median {c['median']:.2f}, misses {c['short'] + c['over']}: behind {c['short']} ahead {c['over']}")
        print(f"{label:22s} {kind}: " + " | ".join(cells))
E
}
carried "codec@3000-s0=$D/long-3k-s0/records.jsonl:codec ceiling" "remind-s0@6000=$D/long-6k-s0/records.jsonl:remind" $(for a in remind qk vo baseline dual no_pm_rope; do [ -n "$(long3k $a)" ] && echo "$a@3000=$(long3k $a)"; done)
armtable() {  # LABEL=FILE:VARIANT[+...] ...: rows of the pooled table per label (resumed, hid, progress, frozen; clean PSNR), then carried by kind; a label starting "Full" is the reference (its wall time not printed)
  python - "$@" <<'C'
import json, sys
from pathlib import Path
from remind.experiment import results_table
from remind.metrics import read_records, carried_summary
recs = []
for arg in sys.argv[1:]:
    label, side = arg.split("=", 1)
    if not side: continue
    for spec in side.split("+"):
        path, variant = spec.rsplit(":", 1)
        recs += [{**r, "arm": label} for r in read_records(path) if r["variant"] == variant]
        if not label.startswith("Full"): print(f"{label}: {path} wall {json.loads((Path(path).parent / 'results.json').read_text())['wall_s']:.0f} s")
tab = results_table(recs, by="arm")
pct = lambda r, m: f"{100 * r[m]:5.1f}% [{100 * r[m + '_lo']:4.1f}, {100 * r[m + '_hi']:4.1f}]"
for head in ("interrupted, V2V", "interrupted, I2V"):
    for r in tab[head]:
        print(f"{head:17s} {r['arm']:11s} ({r['samples']}): " + " | ".join(f"{m} {pct(r, m)}" for m in ("resumed", "hid", "progress", "frozen")))
for r in tab["clean controls"]: print(f"clean controls    {r['arm']:11s} ({r['samples']}): PSNR {r['psnr']:.2f} dB | progress {pct(r, 'progress')}")
print("-- carried (median; misses behind / ahead of the truth), interrupted and clean, by kind")
for label in dict.fromkeys(r["arm"] for r in recs):
    rs = [r for r in recs if r["arm"] == label and r["variant"] != "codec ceiling"]
    if any("carried" not in r for r in rs): print(f"{label}: records without carried"); continue
    for kind in ("v2v", "i2v"):
        cells = []
        for name, keep in (("interrupted", lambda r: r["interruption"] != "none"), ("clean", lambda r: r["interruption"] == "none")):
            c = carried_summary([r for r in rs if r["kind"] == kind and keep(r)])
            cells.append(f"{name} median {c['median']:.2f} (misses {c['short']} / {c['over']})")
        print(f"{label:11s} {kind}: " + " | ".join(cells))
C
}
echo "== caption guidance: Full trained with caption dropout 0.2 (cd-sN-cg1/, cd-sN-cg2/: one table per seed and caption weight s, w = 2) against Full at 1,500 steps (guided/); predictions in bench/README.md"
cdside() {  # caption weight: the caption-dropout seeds' tables as a paired.py side, or nothing
  for f in $(ls -d $D/cd-s[0-9]-cg$1 2>/dev/null); do printf "+$f/records.jsonl:remind"; done | cut -c2-
}
if [ -n "$(cdside 1)" ]; then
  codec_same $(cdside 1 | tr '+' ' ') $(cdside 2 | tr '+' ' ')
  FULL=$(cdside 1 | sed -e "s#[^+:]*/cd-s\([0-9]\)-cg1/records.jsonl:remind#$G:remind s\1#g")   # Full's own seeds at 1,500 steps
  armtable "Full 1,500=$FULL" "cd s1=$(cdside 1)" "cd s2=$(cdside 2)"
  pair3 "caption dropout alone: cd at s = 1 minus Full, both at 1,500 steps" "$FULL" "$(cdside 1)"
  [ -n "$(cdside 2)" ] && pair3 "caption guidance: s = 2 minus s = 1, the same checkpoints" "$(cdside 1)" "$(cdside 2)"
fi
echo "== seed-chunk weight: Full trained with seed_chunk_weight=4 (sw4-sN/: one table per seed, w = 2) against Full at 1,500 steps (guided/, and scored again with carried: guided-carried-sN/); predictions in bench/README.md"
side() {  # folder prefix: its seeds' tables as a paired.py side, or nothing
  for f in $(ls -d $D/$1-s[0-9] 2>/dev/null); do printf "+$f/records.jsonl:remind"; done | cut -c2-
}
if [ -n "$(side sw4)" ]; then
  codec_same $(side sw4 | tr '+' ' ') $(side guided-carried | tr '+' ' ')
  for f in $(ls -d $D/guided-carried-s[0-9] 2>/dev/null); do   # Full scored again: every field guided/ has, seed by seed
    python bench/reproduced.py $G $f/records.jsonl "remind=remind s${f##*-s}" --exact progress,frozen,reset,shown,drawn,drew,hid,hidden,resumed,observation,hid_frames,resumed_frames,cuts,coherent,bound_violations,monotone_violations,jump_violations --close psnr,ssim,ms_ssim,abs_error,plausibility,anchor_share,bg_psnr_gt,bg_ssim_gt,bg_psnr_pre; done
  FULL=$(side sw4 | sed -e "s#[^+:]*/sw4-s\([0-9]\)/records.jsonl:remind#$G:remind s\1#g")   # Full's own seeds at 1,500 steps
  armtable "Full 1,500=$FULL" "Full 1,500 again=$(side guided-carried)" "weight 4=$(side sw4)"
  pair3 "seed-chunk weight 4 minus Full, both at 1,500 steps" "$FULL" "$(side sw4)"
fi
echo "== sampling shift 6: Full s0 (retrained; it reads bit for bit as the first, bench/README.md) sampled at timestep shift 6 (shift6-s0/, w = 2) against its shift-3 table (guided-carried-s0/); predictions in bench/README.md"
if [ -d $D/shift6-s0 ]; then
  codec_same $D/shift6-s0/records.jsonl
  armtable "shift 3=$D/guided-carried-s0/records.jsonl:remind" "shift 6=$D/shift6-s0/records.jsonl:remind"
  python bench/paired.py $D/guided-carried-s0/records.jsonl:remind $D/shift6-s0/records.jsonl:remind
fi
echo "== a larger clean share: clean_half (half the pool clean, each family an eighth; clean-half-sN/: one table per seed, w = 2) against Full at 1,500 steps (guided-carried-sN/); predictions in bench/README.md"
armside() {  # folder prefix, variant: its seeds' tables as a paired.py side, or nothing
  for f in $(ls -d $D/$1-s[0-9] 2>/dev/null); do printf "+$f/records.jsonl:$2"; done | cut -c2-
}
if [ -n "$(armside clean-half clean_half)" ]; then
  codec_same $(armside clean-half clean_half | tr '+' ' ')
  FULL=$(armside clean-half clean_half | sed -e "s#[^+:]*/clean-half-s\([0-9]\)/records.jsonl:clean_half#$D/guided-carried-s\1/records.jsonl:remind#g")   # Full's own seeds at 1,500 steps
  armtable "Full 1,500=$FULL" "clean half=$(armside clean-half clean_half)"
  pair3 "clean half minus Full, both at 1,500 steps" "$FULL" "$(armside clean-half clean_half)"
fi
if [ -d $D/clean-half-3k-s0 ]; then
  echo "-- clean half at 3,000 steps, seed 0 (clean-half-3k-s0/) against Full s0 at 3,000 (long-3k-s0/)"
  codec_same $D/clean-half-3k-s0/records.jsonl
  armtable "Full 3,000=$D/long-3k-s0/records.jsonl:remind" "clean half 3,000=$D/clean-half-3k-s0/records.jsonl:clean_half"
  python bench/paired.py $D/long-3k-s0/records.jsonl:remind $D/clean-half-3k-s0/records.jsonl:clean_half
fi
echo "== Full from a base whose I2V ramp is right (cleanbase-sN/: Full's recipe for 1,500 steps from no_interruptions s0 at 3,000 steps, EMA weights) against Full at 1,500 (guided-carried-sN/) and 3,000 steps (long-3k-sN/); predictions in bench/README.md"
if [ -n "$(armside cleanbase remind)" ]; then
  codec_same $(armside cleanbase remind | tr '+' ' ')
  F15=$(armside cleanbase remind | sed -e "s#[^+:]*/cleanbase-s\([0-9]\)/#$D/guided-carried-s\1/#g")   # Full's own seeds at 1,500 steps
  F30=$(armside cleanbase remind | sed -e "s#[^+:]*/cleanbase-s\([0-9]\)/#$D/long-3k-s\1/#g")          # and at 3,000
  armtable "Full 1,500=$F15" "Full 3,000=$F30" "clean base then Full 1,500=$(armside cleanbase remind)"
  pair3 "clean base then Full 1,500 minus Full 1,500" "$F15" "$(armside cleanbase remind)"
  pair3 "clean base then Full 1,500 minus Full 3,000" "$F30" "$(armside cleanbase remind)"
fi
if [ -n "$(armside cleanbase-3k remind)" ]; then
  echo "-- the clean-base runs continued to 3,000 memory-phase steps (cleanbase-3k-sN/) against Full at 3,000 (long-3k-sN/)"
  codec_same $(armside cleanbase-3k remind | tr '+' ' ')
  F30=$(armside cleanbase-3k remind | sed -e "s#[^+:]*/cleanbase-3k-s\([0-9]\)/#$D/long-3k-s\1/#g")
  armtable "Full 3,000=$F30" "clean base then Full 3,000=$(armside cleanbase-3k remind)"
  pair3 "clean base then Full 3,000 minus Full 3,000" "$F30" "$(armside cleanbase-3k remind)"
fi
echo "== a deeper model (deep-sN/: Full's recipe for 1,500 steps from the GPU base grown to 12 blocks by block expansion, runs/gpu/ft-inflate-deep) against Full at 1,500 (guided-carried-sN/) and 3,000 steps (long-3k-sN/); predictions in bench/README.md"
if [ -n "$(armside deep remind)" ]; then
  codec_same $(armside deep remind | tr '+' ' ')
  F15=$(armside deep remind | sed -e "s#[^+:]*/deep-s\([0-9]\)/#$D/guided-carried-s\1/#g")
  F30=$(armside deep remind | sed -e "s#[^+:]*/deep-s\([0-9]\)/#$D/long-3k-s\1/#g")
  armtable "Full 1,500=$F15" "Full 3,000=$F30" "12 blocks, Full 1,500=$(armside deep remind)"
  pair3 "12 blocks minus 6, Full 1,500" "$F15" "$(armside deep remind)"
  pair3 "12 blocks at 1,500 minus 6 at 3,000" "$F30" "$(armside deep remind)"
fi
if [ -f $D/deep3-s0/records.jsonl ]; then
  echo "-- the added blocks at three times the rate (deep3-s0/: lr_groups 'blocks[.](1|3|5|7|9|11)[.]=3', runs/gpu/ft-inflate-deep3), seed 0, against Full at 1,500 (guided-carried-s0/) and the 1x 12-block run (deep-s0/)"
  codec_same $D/deep3-s0/records.jsonl
  armtable "Full 1,500=$D/guided-carried-s0/records.jsonl:remind" "12 blocks 1x=$D/deep-s0/records.jsonl:remind" "12 blocks 3x=$D/deep3-s0/records.jsonl:remind"
  echo "-- paired over tasks, 12 blocks 3x minus Full 1,500 (seed 0)"
  python bench/paired.py "$D/guided-carried-s0/records.jsonl:remind" "$D/deep3-s0/records.jsonl:remind" | grep -E "^(v2v|i2v) (resumed|progress) "
  echo "-- paired over tasks, 12 blocks 3x minus 1x (seed 0)"
  python bench/paired.py "$D/deep-s0/records.jsonl:remind" "$D/deep3-s0/records.jsonl:remind" | grep -E "^(v2v|i2v) (resumed|progress) "
fi
echo "== the 12-block runs continued to 3,000 steps (deep-3k-sN/: runs/gpu/ft-inflate-deep-3k, bench/continue_run.py) against Full at 3,000 steps (long-3k-sN/) and themselves at 1,500 (deep-sN/); predictions in bench/README.md"
if [ -n "$(armside deep-3k remind)" ]; then
  codec_same $(armside deep-3k remind | tr '+' ' ')
  F30=$(armside deep-3k remind | sed -e "s#[^+:]*/deep-3k-s\([0-9]\)/#$D/long-3k-s\1/#g")
  D15=$(armside deep-3k remind | sed -e "s#[^+:]*/deep-3k-s\([0-9]\)/#$D/deep-s\1/#g")
  armtable "Full 3,000=$F30" "12 blocks, Full 1,500=$D15" "12 blocks, Full 3,000=$(armside deep-3k remind)"
  pair3 "12 blocks minus 6, Full 3,000" "$F30" "$(armside deep-3k remind)"
  pair3 "12 blocks, 3,000 minus 1,500 steps" "$D15" "$(armside deep-3k remind)"
fi
