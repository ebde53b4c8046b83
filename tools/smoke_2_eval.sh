# Smoke run of evaluation (sourced by tools/test.sh after the training smoke; runs from the repo root with .venv active).
#   eval-papermill: the evaluation notebook headless under papermill with tiny parameters (lessons skipped: REMIND_RUN_TESTS=0) on the
#                   training smoke's checkpoint (runs/smoke/train), or on a tiny random checkpoint written by the run
#                   itself when that is missing, so that this smoke does not depend on the training smoke passing.
#                   It must write the records, the summary and a standalone HTML report under runs/smoke/eval/.

smoke_eval_papermill() {
  local ck=runs/smoke/train rnd=False
  [ -f "$ck/checkpoints/latest.json" ] || { ck=runs/smoke/eval-random; rnd=True; rm -rf "$ck"; }
  rm -rf runs/smoke/eval && mkdir -p runs/smoke &&
  REMIND_RUN_TESTS=0 OMP_NUM_THREADS=${OMP_NUM_THREADS:-1} papermill nbs/08_eval.ipynb runs/smoke/eval.ipynb --cwd . --log-level WARNING \
    -p checkpoint "$ck" -p random_if_missing "$rnd" -p n_tasks 5 -p steps 2 -p n_show 1 -p stevo_tasks demo -p out_dir runs/smoke/eval &&
  test -s runs/smoke/eval/report.html && test -s runs/smoke/eval/records.jsonl && test -s runs/smoke/eval/summary.json &&
  grep -q "Recovery after interruptions" runs/smoke/eval/report.html &&
  test -s "$(ls runs/smoke/eval/stevo/remind-worldplay_eval/remind-worldplay_output_map_eval.json)" &&
  [ "$(wc -l < runs/smoke/eval/records.jsonl)" -ge 10 ]
}

run_smoke eval-papermill smoke_eval_papermill
