"""Continue finished fine-tunes to more steps in a new folder (the shorter run is kept), then score each one.

    python bench/continue_run.py ARM SEED [SEED ...] --source ROOT --dest ROOT --steps N [--score DIR] [--dry-run]
    python bench/continue_run.py dual 0 1 2 --source gpu/ft-inflate --dest gpu/ft-inflate-3k --steps 3000 \\
        --score runs/continue/{arm}-s{seed}-table

This is the command behind bench/README.md's "Every arm at 3,000 steps" and what followed it (until 2026-12-07 an
ignored `runs/eq3k/chain.sh` did the same with the inflate line's settings written into it). For each seed:

1. `runs/SOURCE/ARM-sSEED` must have finished: its newest intact checkpoint is at its config's `steps`.
2. It is copied to `runs/DEST/ARM-sSEED`, unless that folder exists (then this is a resumed continuation).
3. Training goes on to `--steps` with the run's own recorded `config.json`: only `steps` and `out_dir` change, so the
   recipe, data, seed, learning rate, EMA and the delta-loss switch are the run's, not whatever the recipe says today.
   It resumes from the newest intact checkpoint (`TrainConfig.resume = "auto"`), so running the command again after a
   stop loses at most `ckpt_every` steps.
4. With `--score DIR` (`{arm}` and `{seed}` filled in), `nbs/09_results.ipynb` is run by papermill on the run's EMA
   weights (raw weights when it kept no EMA): the run's processes, `--n-tasks` test tasks, Euler x 12 and history
   guidance `--history-guidance`, report and records into DIR, the executed notebook beside it as DIR.ipynb.

One thread per process suits two of these side by side on the 2-core box: set OMP_NUM_THREADS=1 (or 2 alone).
"""
from __future__ import annotations

import argparse
import json
import shutil
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def continued_config(source_cfg: dict, dest: Path, steps: int) -> dict:
    """The source run's recorded config with only `steps` and `out_dir` (`dest`) changed, resuming from `dest`'s checkpoints.
    Read from the source, whose config.json stays as it finished (training rewrites `dest`'s with the new steps)."""
    return {**source_cfg, "steps": steps, "out_dir": str(dest), "resume": "auto"}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("arm", help="the run folders' recipe name (runs/ROOT/ARM-sSEED)")
    ap.add_argument("seeds", type=int, nargs="+")
    ap.add_argument("--source", required=True, help="runs/SOURCE/ARM-sSEED: the finished, shorter run")
    ap.add_argument("--dest", required=True, help="runs/DEST/ARM-sSEED: where it is continued")
    ap.add_argument("--steps", type=int, required=True, help="the continued run's total steps")
    ap.add_argument("--score", help="report folder for 09_results, with {arm} and {seed}; leave out to train only")
    ap.add_argument("--history-guidance", type=float, default=2.0)
    ap.add_argument("--caption-guidance", type=float, default=1.0, help="CFG on the caption (runs trained with caption_dropout > 0)")
    ap.add_argument("--n-tasks", type=int, default=225)
    ap.add_argument("--dry-run", action="store_true", help="print what would be copied, trained and scored; change nothing")
    a = ap.parse_args(argv)
    from remind.train import TrainConfig, checkpoint_step, run_dir_for, train
    if run_dir_for(a.source) == run_dir_for(a.dest):
        raise SystemExit(f"continue_run: --source and --dest must differ (the shorter run is kept); both are {run_dir_for(a.source)}")
    for seed in a.seeds:
        src, dst = run_dir_for(f"{a.source}/{a.arm}-s{seed}"), run_dir_for(f"{a.dest}/{a.arm}-s{seed}")
        if not (src / "config.json").is_file(): raise SystemExit(f"continue_run: no run to continue at {src} (no config.json)")
        src_cfg = json.loads((src / "config.json").read_text())
        if a.steps <= src_cfg["steps"]:
            raise SystemExit(f"continue_run: --steps must exceed {src}'s own steps; expected more than {src_cfg['steps']}, got {a.steps}")
        cfg = continued_config(src_cfg, dst, a.steps)
        if not dst.is_dir():
            done, want = checkpoint_step(src), src_cfg["steps"]
            if done != want:
                raise SystemExit(f"continue_run: {src} has not finished; expected its newest checkpoint at step {want}, got {done}")
            print(f"copy {src} -> {dst}", flush=True)
            if not a.dry_run:   # copied whole, then renamed: a stopped copy leaves no half folder that a rerun would resume
                part = dst.with_name(dst.name + ".partial")
                shutil.rmtree(part, ignore_errors=True)
                shutil.copytree(src, part)
                part.rename(dst)
        run = dst if dst.is_dir() else src   # a dry run reads the source's checkpoints when nothing was copied
        t0 = time.time()
        print(f"train {a.arm} s{seed}: step {checkpoint_step(run)} -> {a.steps} in {dst}", flush=True)
        if not a.dry_run:
            train(TrainConfig.from_dict(cfg))
            print(f"trained {a.arm} s{seed} in {time.time() - t0:.0f} s", flush=True)
        if not a.score: continue
        report = Path(a.score.format(arm=a.arm, seed=seed))
        params = dict(arms=a.arm, seeds=str(seed), use_shipped="none", train_missing=False, root=a.dest,
                      processes=cfg["processes"], ema=cfg["ema"] > 0, n_tasks=a.n_tasks, base="none",
                      history_guidance=a.history_guidance, caption_guidance=a.caption_guidance, report_dir=str(report.resolve()))
        print(f"score {a.arm} s{seed} into {report}: {params}", flush=True)
        if a.dry_run: continue
        import papermill as pm
        t0 = time.time()
        report.parent.mkdir(parents=True, exist_ok=True)
        pm.execute_notebook(str(REPO / "nbs/09_results.ipynb"), str(report.resolve()) + ".ipynb", parameters=params,
                            kernel_name="python3", language="python", cwd=str(REPO / "nbs"), progress_bar=False)
        print(f"scored {a.arm} s{seed} in {time.time() - t0:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
