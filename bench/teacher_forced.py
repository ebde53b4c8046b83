"""Can a checkpoint carry a process through one chunk when its history is the truth? The teacher-forced chunk probe.

    python bench/teacher_forced.py models/world-base runs/world-base-cos --tasks 24          # held-out (val split)
    python bench/teacher_forced.py runs/probe/overfit8 --train-seeds 0:8 --all-seeds          # the clips it trained on
    python bench/teacher_forced.py models/world-base --caption ""                              # every caption blanked
    python bench/teacher_forced.py models/world-base runs/inflate/remind-s0 --tasks 40 --processes inflate   # one process
    python bench/teacher_forced.py models/world-base --tasks 80 --processes inflate --out tf.json             # figures to JSON
    python bench/teacher_forced.py --paired tf.json tf2.json              # task-by-task differences of the checkpoints in them

A rollout mixes two failures: drawing a chunk badly, and drifting because earlier chunks were drawn badly. This
probe removes the second. For every task and every chunk c >= 1 the model is given the codec latents of the true
chunks 0..c-1 (the KV cache filled from the truth, exactly as in a rollout), samples chunk c (Euler at the run's own
shift), and the world's state reader reads the process state off the decoded frames of that chunk. Per checkpoint
it prints, over all those frames:

- `model`: the sampled chunk; `mean1`: one step from pure noise, i.e. the model's posterior mean E[x0 | history];
- `copy`: the state of the last true frame carried unchanged (what a frozen model would score);
- `codec`: the truth through the codec (the ceiling of any model in this latent space);

each as `readable` (the reader finds the object) and `within` (the read state is within the process's tolerance,
`remind.evaluate.STATE_TOL`, of the truth), with a 95% interval for `within` in which tasks, not frames, are the
independent units (Wilson at the effective sample size, `remind.metrics.wilson_ci(clusters=...)`), and the model's
within-tolerance frames per task (`within_by_task` of `frames_by_task`: every checkpoint draws from the same noise per
task, so two checkpoints can be compared task by task, `--paired`). A model that learned the dynamics scores `within`
well above `copy`.
"""
from __future__ import annotations

import argparse
import json
import os
import sys

import numpy as np
import torch


def tasks_for(args):
    from remind.evaluate import eval_tasks
    from remind.world import make_task
    if not args.train_seeds:
        from remind.train import pool_processes
        procs = pool_processes(args.processes)       # None: every process; names checked
        return eval_tasks(args.tasks, split="val", n_frames=45, height=64, width=64, processes=procs)
    a, b = map(int, args.train_seeds.split(":"))
    # keep the base pool's clean clips: each seed's family drawn as remind.train.ProceduralData draws it
    from remind.experiment import BASE
    from remind.train import pool_interruptions, pool_interruption_weights, pool_overrides
    fams, weights = pool_interruptions(BASE["interruptions"]), pool_interruption_weights(BASE["interruptions"])
    seeds = [s for s in range(a, b) if args.all_seeds or pool_overrides(s, fams, None, weights)["interruption"] is None]
    return [make_task(s, "v2v", "train", n_frames=45, height=64, width=64, interruption=None) for s in seeds][:args.tasks]


def probe(ckpt: str, tasks, euler: int, caption: str | None = None) -> dict:
    from remind.core import video_frames
    from remind.evaluate import load_model, encode_frames, decode_latents, read_task_state, rollout_inputs, caption_text, STATE_TOL
    lm = load_model(ckpt)
    m, ch = lm.model, lm.model.chunk
    counts = {k: np.zeros(3, int) for k in ("model", "mean1", "copy", "codec")}   # readable, within, frames
    by_process: dict[str, dict[str, np.ndarray]] = {}
    hits: dict[str, list] = {k: [] for k in counts}            # (task, within 0/1) per frame: intervals that count tasks

    def tally(task, name, process, read, truth, frames, tol):
        per = by_process.setdefault(process, {k: np.zeros(3, int) for k in counts})
        for f in frames:
            ok = bool(not np.isnan(read[f]) and abs(read[f] - truth[f]) <= tol)
            hits[name].append((task, ok))
            for c in (counts[name], per[name]):
                c[2] += 1
                if not np.isnan(read[f]): c[0] += 1; c[1] += ok

    for i, t in enumerate(tasks):
        kw = rollout_inputs(lm, t, euler, "euler", seed=i)
        if caption is not None: kw["text"] = caption_text(lm, caption)      # every task gets this caption instead of its own
        gt = encode_frames(t.clip.frames, lm)
        truth = np.asarray(t.clip.state[t.state_var], np.float64)
        tol = STATE_TOL[t.spec.process]
        codec_read = read_task_state(decode_latents(gt, lm), t)
        for c in range(1, kw["n_chunks"]):
            frames = range(video_frames(ch * c), video_frames(ch * (c + 1)))   # the video frames of latent chunk c
            a = dict(kw, n_chunks=c + 1, context=gt[:, :, :c * ch], cameras=kw["cameras"][:, :(c + 1) * ch])
            with torch.no_grad():
                sampled = {"model": m.rollout(**a), "mean1": m.rollout(**dict(a, sigmas=[1.0, 0.0]))}
            for name, lat in sampled.items():
                v = decode_latents(torch.cat([gt[:, :, :c * ch], lat[:, :, c * ch:]], 2), lm)
                tally(i, name, t.spec.process, read_task_state(v, t), truth, frames, tol)
            last = video_frames(ch * c) - 1                                      # the last true frame of the history
            tally(i, "copy", t.spec.process, np.full(len(truth), codec_read[last]), truth, frames, tol)
            tally(i, "codec", t.spec.process, codec_read, truth, frames, tol)
    rates = lambda cs: {k: {"readable": round(r / n, 3), "within": round(w / n, 3), "frames": int(n)} for k, (r, w, n) in cs.items()}
    out = {**rates(counts), "by_process": {p: rates(cs) for p, cs in sorted(by_process.items())}}
    # frames of one task are not independent draws: tasks are the units, Wilson at the effective sample size (remind.metrics.wilson_ci)
    from remind.metrics import wilson_ci
    for k, h in hits.items():
        _, lo, hi, _ = wilson_ci([ok for _, ok in h], clusters=[t for t, _ in h])
        out[k]["within_ci"] = [round(lo, 3), round(hi, 3)]
    # per task (in task order): frames within tolerance, for paired comparisons of checkpoints scored on the same tasks
    task_of, ok = np.array(hits["model"], dtype=int).reshape(-1, 2).T
    out["model"]["within_by_task"] = np.bincount(task_of, weights=ok, minlength=len(tasks)).astype(int).tolist()
    out["model"]["frames_by_task"] = np.bincount(task_of, minlength=len(tasks)).tolist()
    return out


def paired(files: list[str]) -> list[tuple]:
    """Paired differences of every two checkpoints in `--out` files scored on the same tasks: the mean per task of the
    difference in within-tolerance frames (as a share of the task's frames), with a bootstrap interval over tasks."""
    from remind.metrics import bootstrap_ci
    by, tasks, how = {}, None, None
    for f in files:
        with open(f) as fh: d = json.load(fh)
        if tasks is not None and d["tasks"] != tasks:
            raise SystemExit(f"--paired: {f} scored other tasks than {files[0]} ({len(d['tasks'])} vs {len(tasks)}; the first differing: "
                             f"{next((a, b) for a, b in zip(d['tasks'], tasks) if a != b) if len(d['tasks']) == len(tasks) else '-'})")
        settings = _settings(d["argv"])
        if how is not None and settings != how:
            raise SystemExit(f"--paired: {f} was scored with {settings}, {files[0]} with {how}: not the same draws")
        tasks, how = d["tasks"], settings
        for ck, r in d["results"].items():
            key = ck if ck not in by else f"{f}:{ck}"       # the same checkpoint in two files: keep both
            x = np.array(r["model"]["within_by_task"], float)
            # frames per task (files written before frames_by_task: every task had frames / tasks, checked to divide)
            n = r["model"].get("frames_by_task")
            if n is None:
                if r["model"]["frames"] % len(tasks): raise SystemExit(f"--paired: {f} {ck}: no frames_by_task and unequal frames per task")
                n = [r["model"]["frames"] // len(tasks)] * len(tasks)
            n = np.array(n, float)
            by[key] = np.where(n > 0, x / np.maximum(n, 1), np.nan)   # a task without frames counts nowhere (NaN)
    if len(by) < 2: raise SystemExit(f"--paired: expected at least two checkpoints in {files}, got {len(by)}")
    rows, keys = [], list(by)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            m, lo, hi, n = bootstrap_ci(by[a] - by[b], n_boot=4000)
            rows.append((a, b, m, lo, hi, n))
    return rows


def _settings(argv: list[str]) -> dict:
    "The options of a recorded command line that decide the draws (tasks are compared separately)."
    ap = argparse.ArgumentParser(add_help=False)
    for k, v in (("--euler", "12"), ("--caption", None), ("--train-seeds", "")): ap.add_argument(k, default=v)
    a, _ = ap.parse_known_args(argv)
    return {"euler": int(a.euler), "caption": a.caption, "train_seeds": a.train_seeds}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("checkpoints", nargs="+")
    ap.add_argument("--tasks", type=int, default=24)
    ap.add_argument("--euler", type=int, default=12)
    ap.add_argument("--train-seeds", default="", help="a:b: clean V2V tasks of the train split's seeds a..b-1 instead of held-out ones")
    ap.add_argument("--all-seeds", action="store_true", help="with --train-seeds: every seed, not only the base pool's clean ones")
    ap.add_argument("--processes", default="all", help="val tasks of these processes only (comma list)")
    ap.add_argument("--caption", default=None, help="replace every task's caption by this text ('' blanks them): does the model read its captions?")
    ap.add_argument("--out", default="", help="write every checkpoint's figures to this JSON file (rewritten after each checkpoint)")
    ap.add_argument("--paired", action="store_true", help="the arguments are --out files: print the paired difference of every two checkpoints")
    args = ap.parse_args(argv)
    if args.paired:
        for a, b, m, lo, hi, n in paired(args.checkpoints):
            print(f"{a}  minus  {b}: {100 * m:+.1f} [{100 * lo:+.1f}, {100 * hi:+.1f}] points of frames within tolerance ({n} tasks)")
        return 0
    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "1")))
    tasks = tasks_for(args)
    print(f"{len(tasks)} tasks ({'train seeds ' + args.train_seeds if args.train_seeds else 'val split'}), Euler x {args.euler}")
    from remind.core import write_json_atomic
    results, argv = {}, list(sys.argv[1:] if argv is None else argv)
    for ck in args.checkpoints:
        r = probe(ck, tasks, args.euler, args.caption)
        print(ck, json.dumps(r))
        results[ck] = r
        if args.out:
            write_json_atomic(args.out, {"argv": argv, "tasks": [t.id for t in tasks], "results": results})
        print("   " + "  ".join(f"{k}: readable {v['readable']:.0%} within {v['within']:.0%} [{v['within_ci'][0]:.0%}, {v['within_ci'][1]:.0%}]"
                                for k, v in r.items() if k != "by_process"))
        for p, v in r["by_process"].items():
            print(f"     {p:9s} within: model {v['model']['within']:.0%}  mean1 {v['mean1']['within']:.0%}  copy {v['copy']['within']:.0%}  codec {v['codec']['within']:.0%}")


if __name__ == "__main__":
    sys.exit(main())
