#!/usr/bin/env bash
# The main job (README, `make main`): the laptop-scale experiment in small. Set up like tools/test.sh, then run
# nbs/09_results.ipynb with papermill: fine-tune the shipped world base model (models/world-base) with the ReMind
# recipe for a few minutes into <runs_root>/main/remind-s0, and score it on held-out world tasks against the base it
# started from and the shipped plain-causal baseline (models/world-baseline). The report lands in
# <runs_root>/main/report/report.html. Extra arguments go to papermill, e.g. `bash tools/main.sh -p steps 600`.
# Re-running resumes the fine-tune (a finished one is reused) and scores again. `REMIND_RUNS_ROOT=/scratch/runs` moves
# every run path (settings runs_root is the one resolver). The console shows a few lines per stage; everything the
# set-up, papermill and the libraries print goes to <runs_root>/main/main.log.
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/setup.sh
t0=$(date +%s); setup_log=$(mktemp)
echo "set-up: .venv, pip install -e .[dev] (torch==2.13.0) ..."
setup_venv > "$setup_log" 2>&1 || { tail -20 "$setup_log"; echo "set-up failed (venv / pip install); log: $setup_log"; exit 1; }

runs=$(python -c "from remind.core import load_settings; print(load_settings().runs_root)")
mkdir -p "$runs/main"; log="$runs/main/main.log"
{ echo "== set-up $(date)"; cat "$setup_log"; } > "$log"; rm -f "$setup_log"
echo "  ok ($(( $(date +%s) - t0 ))s; python $(python -c 'import sys; print(sys.version.split()[0])'), runs under $runs)"
echo "experiment: papermill nbs/09_results.ipynb -> $runs/main/results.ipynb (log: $log)"
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}   # one thread per training process: 2.5x faster than two on the 2-core box (bench/README.md)
export REMIND_RUN_TESTS=0   # run notebooks skip their lessons (remind.core.run_only_mode); nbdev-test runs them
# --cwd nbs: the working directory of a JupyterLab run, so a notebook sees one layout (09 finds models/ as ../models)
python tools/console.py --log "$log" --watch "$runs/main" -- \
papermill nbs/09_results.ipynb "$runs/main/results.ipynb" -k python3 -l python --cwd nbs --log-output --no-progress-bar \
  -r arms baseline,remind -r use_shipped baseline -p steps 300 -p n_clips 300 -p n_tasks 20 -p root main \
  -p report_dir "$runs/main/report" "$@"

python - "$runs/main" <<'PY'
import json, sys
from pathlib import Path
main = Path(sys.argv[1]); rep = main / "report"
res = json.loads((rep / "results.json").read_text())
def cell(r, k):
    v, lo, hi = r.get(k), r.get(f"{k}_lo"), r.get(f"{k}_hi")
    if not isinstance(v, (int, float)): return None
    return f"{k} {v:.2f}" + (f" [{lo:.2f}, {hi:.2f}]" if isinstance(lo, (int, float)) and isinstance(hi, (int, float)) else "")
print("summary: progress = share of tasks whose hidden state resumed where it should (higher is better); frozen / reset =")
print("  share that stopped / restarted behind the interruption (lower is better); [95% interval]; per-family tables in the report")
for head, rows in res["tables"].items():
    if not rows or head.startswith("family:"): continue
    print(f"  {head}:")
    for r in rows:
        cells = [c for c in (cell(r, k) for k in ("progress", "frozen", "reset")) if c]
        print(f"    {str(r.get('arm', r.get('variant', '?'))):<14} n={r.get('samples', '?'):<4} " + "; ".join(cells))
print(f"  report:     {rep / 'report.html'}")
for name, ck in res["checkpoints"].items():
    loss = Path(ck).parent.parent / "loss.html"
    print(f"  checkpoint: {name} = {ck}" + (f"\n  loss plot:  {loss}" if loss.is_file() else ""))
print(f"  wall time:  {res.get('wall_s', 0):.0f}s; full log: {main / 'main.log'}")
PY
