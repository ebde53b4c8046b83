# Checks of the bench scripts the published figures come from (sourced by tools/test.sh; repo root, .venv active).
#   bench: `bench/check_paired.py` works paired differences out by hand on records it writes, and checks that
#          `bench/paired.py` refuses a malformed side, a missing variant, seeds or sides of other tasks and an
#          unknown family with a message naming the problem; `bench/check_pool_seeds.py` does the same for the
#          seed-pooled tables of `bench/pool_seeds.py` (renaming, kept rows, intervals at the tasks' effective sample size, refusals);
#          `bench/check_anchor_phase.py` for `bench/anchor_phase.py` (the still-camera anchor figures) and the probe
#          options it reads (families narrowed with each task's noise seed kept, refusals);
#          `bench/check_seed_level.py` for `bench/seed_level.py` (seeds as independent runs: per-seed rates, an exact
#          permutation test over seed labels, a two-level bootstrap; refusals);
#          `bench/check_hid_check.py` for `bench/hid_check.py` (on all 67 inflate-table tasks it reads, the truth and the
#          codec ceiling hid the ball and followed the camera, and a held view did not; the strict rate; the comparison
#          of a re-drawn record with the table's, and `bench/reproduced.py`'s per-variant count of it; refusals);
#          `bench/drawn_calibration.py --check` on the first 24 tasks of the all-process table (every process; the truth
#          and the codec ceiling never draw the object while it is hidden, the skipped interruption always does);
#          `bench/lag_offset.py --check` (per-chunk offset and share on hand-made series: a slowed rate against a ball
#          drawn small throughout); `bench/onset_bound.py --check` (the expected ramp: its ends, monotone, an independent
#          draw); `bench/caption_rate.py --check` (the caption rewriting on the 45 clean I2V val tasks, each stated end
#          radius the clip's last state). About a minute.
run_smoke bench bash -c 'python bench/check_paired.py && python bench/check_pool_seeds.py && python bench/check_anchor_phase.py && python bench/check_seed_level.py && python bench/check_hid_check.py && python bench/drawn_calibration.py --n-tasks 24 --check && python bench/lag_offset.py --check && python bench/onset_bound.py --check && python bench/caption_rate.py --check'
