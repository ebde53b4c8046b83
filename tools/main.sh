#!/usr/bin/env bash
# The main job (README, `make main`): the laptop-scale experiment in small. Set up like tools/test.sh, then run
# nbs/09_results.ipynb with papermill: fine-tune the shipped world base model (models/world-base) with the ReMind
# recipe for a few minutes into <runs_root>/main/remind-s0, and score it on held-out world tasks against the base it
# started from and the shipped plain-causal baseline (models/world-baseline). The report lands in
# <runs_root>/main/report/report.html. Extra arguments go to papermill, e.g. `bash tools/main.sh -p steps 600`.
# Re-running resumes the fine-tune (a finished one is reused) and scores again.
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/setup.sh
setup_venv || { echo "set-up failed (venv / pip install)"; exit 1; }

runs=$(python -c "from remind.core import load_settings; print(load_settings().runs_root)")
mkdir -p "$runs/main"
echo "== experiment: papermill nbs/09_results.ipynb -> $runs/main/results.ipynb"
papermill nbs/09_results.ipynb "$runs/main/results.ipynb" -k python3 -l python --cwd . --log-output \
  -p arms remind -p use_shipped baseline -p steps 300 -p n_clips 300 -p n_tasks 20 -p root main \
  -p report_dir "$runs/main/report" "$@"
echo "== report: $runs/main/report/report.html"
