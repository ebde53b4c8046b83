"""Is the I2V lag a slower process, or a ball drawn smaller from the start? Read minus truth, chunk by chunk.

    python bench/lag_offset.py runs/gpu/ft-inflate/remind-s0 runs/gpu/ft-inflate-sw/remind-s0 --tasks 450

On the clean I2V tasks of the val split (09_results' task cycle: 64x64, 45 frames; inflate unless `--processes`) each
checkpoint streams the video from its one given frame as the tables sample it (EMA weights unless `--no-ema`, Euler x 12,
history guidance w = 2), and the world's reader reads the state frame by frame. Per latent chunk (video frames 1-8,
9-20, 21-32, 33-44) it prints, over the tasks whose chunk has at least two readable frames, the median of the chunk's
mean read-minus-truth (the state's units: metres of radius for inflate) and the median of the share of the truth's
change since frame 0 that the read shows (1 right, 0 a copy of the given frame: `carried` counted from the start).
The codec's row (the truth through the latent codec) is the reader's own offset on nearly true frames.

What it tells apart: a process drawn too slowly leaves an offset that widens chunk by chunk while the share stays at
about the same value below 1; a ball drawn too small from the start (or read small, where the drawing is blurred)
leaves an offset already in the first chunk, about constant after it, and a share that climbs as the truth's change
outgrows it. Under each row, how the drawn growth follows the task's own rate across tasks (rates differ about
twofold): the slope of drawn on true growth and Pearson's r, per chunk (the truth: 1 and 1; a drawing that ignores
the task's rate: about 0).

    python bench/lag_offset.py CKPT --save runs/lag.json   # also every task's read states, for analyses of its own
    python bench/lag_offset.py CKPT --shift 6                # sampled at another timestep shift than the run's
    python bench/lag_offset.py CKPT --given 9               # the first chunk given true: does the rest then keep pace?
    python bench/lag_offset.py CKPT --window 1              # a rolling one-chunk cache, as the tables sample the plain baseline
    python bench/lag_offset.py --load runs/lag.json        # every row again from that file, nothing drawn
    python bench/lag_offset.py --check    # chunk_offsets on hand-made series: the two patterns it tells apart

Under each checkpoint's rows, the tables' own clean-control scores of the same rollouts (`remind.metrics.progress_event`:
the last 4 frames against the last given one): state progress and the median `carried` with the misses short / over
(`carried_summary`), so that a val read here can be set beside a table's clean I2V row. `--load` recomputes them for a
file saved before they were (its task ids looked up in the cycle that `--tasks / --processes / --split` name).
"""
from __future__ import annotations

import argparse
import math
import os
import sys
from pathlib import Path

import numpy as np
import torch

CHUNKS = ((1, 8), (9, 20), (21, 32), (33, 44))   # video frames of latent chunks 0-3 (temporal stride 4; frame 0 is given)


def readable(read: np.ndarray, lo: int, hi: int) -> list[int]:
    "Frames `lo..hi` (inclusive, within the video) whose state the reader found; a chunk with fewer than two is left out."
    return [f for f in range(lo, min(hi, len(read) - 1) + 1) if not math.isnan(read[f])]


def as_series(r) -> np.ndarray:
    "A read-state series from a `--save` file (None for unreadable) as floats with NaN."
    return np.array([np.nan if v is None else v for v in r], np.float64)


def chunk_offsets(read: np.ndarray, truth: np.ndarray, chunks=CHUNKS) -> np.ndarray:
    "`[chunks, 2]`: per chunk, the mean read minus truth and the share of the truth's change since frame 0 that the read shows (NaN: under two readable frames, or no change)."
    out = np.full((len(chunks), 2), np.nan)
    for c, (lo, hi) in enumerate(chunks):
        idx = readable(read, lo, hi)
        if len(idx) < 2: continue
        out[c, 0] = float(np.mean(read[idx] - truth[idx]))
        grow = float(np.mean(truth[idx] - truth[0]))
        if abs(grow) > 1e-9: out[c, 1] = float(np.mean(read[idx] - truth[0])) / grow
    return out


def offsets(ckpt: str | None, tasks, codec_of: str | None = None, steps: int = 12, w: float = 2.0, ema: bool = True,
            reads: list | None = None, shift: float | None = None, window: int | None = None, scores: list | None = None) -> np.ndarray:
    """`[tasks, chunks, 2]` of `chunk_offsets` for the checkpoint's rollouts, or (`ckpt` None) for the codec of `codec_of`;
    each task's read states are appended to `reads` when given; `shift`: sample at this timestep shift instead of the run's;
    `window`: a rolling cache of that many chunks, unpinned (`compare_variants`' policy for the plain baseline), instead
    of the whole cache; each task's (`carried`, `progress`) are appended to `scores` when given."""
    from remind.evaluate import load_model, generate_video, codec_roundtrip
    from remind.metrics import read_task_state
    lm = load_model(ckpt or codec_of, ema=ema and ckpt is not None)
    policy = None if window is None else {"window": int(window), "pin_anchors": False}
    rows = []
    for i, t in enumerate(tasks):
        v = codec_roundtrip(t, lm) if ckpt is None else generate_video(lm, t, steps, "euler", seed=i, history_guidance=w, cache_policy=policy,
                                                                  sample_shift=shift)
        read = read_task_state(v, t)
        rows.append(chunk_offsets(read, np.asarray(t.clip.state[t.state_var], np.float64)))
        if reads is not None: reads.append(read)
        if scores is not None: scores.append(table_scores(read, t))
        print(f"  {i + 1}/{len(tasks)}", end="\r", file=sys.stderr, flush=True)
    return np.array(rows)


def tracking(truth: list, reads: list, chunks=CHUNKS) -> list[tuple]:
    """Per chunk, across tasks, how the drawn growth since frame 0 follows the truth's: (slope of drawn on true growth,
    Pearson r, median true growth, median drawn growth, tasks); tasks differ in rate, so a drawing that ignores the
    task's rate has slope and r near 0, the truth 1."""
    out = []
    for lo, hi in chunks:
        xs, ys = [], []
        for t, r in zip(truth, reads):
            t, r = np.asarray(t, np.float64), as_series(r)
            idx = readable(r, lo, hi)
            if len(idx) < 2: continue
            xs.append(float(np.mean(t[idx] - t[0]))); ys.append(float(np.mean(r[idx] - t[0])))
        xs, ys = np.array(xs), np.array(ys)
        if len(xs) < 3 or np.std(xs) == 0: out.append((np.nan, np.nan, np.nan, np.nan, len(xs))); continue
        with np.errstate(invalid="ignore", divide="ignore"): r = float(np.corrcoef(xs, ys)[0, 1])   # NaN where the drawing is constant
        out.append((float(np.polyfit(xs, ys, 1)[0]), r, float(np.median(xs)), float(np.median(ys)), len(xs)))
    return out


def table_scores(read: np.ndarray, task) -> tuple[float, float]:
    "(`carried`, `progress`) of one clean rollout's read states, as `evaluate_video` scores a clean control."
    from remind.metrics import progress_scores
    s = progress_scores(read, task)
    return s["carried"], s["progress"]


def clean_i2v_tasks(n: int, processes: str = "inflate", split: str = "val") -> list:
    "The clean I2V tasks among the first `n` of `09_results`' task cycle: what these probes draw."
    from remind.experiment import results_tasks
    return [t for t in results_tasks(n, processes=processes, split=split) if t.kind == "i2v" and (t.spec.interruption or "none") == "none"]


def scores_line(scores: list) -> str:
    "The tables' clean-control scores of one checkpoint's rollouts: progress, and `carried_summary`'s median and misses."
    from remind.metrics import carried_summary
    s = carried_summary([{"carried": c, "progress": p} for c, p in scores])
    prog = np.mean([p for _, p in scores])
    head = "  the tables' clean-control scores"
    return (f"{head:40s} progress {prog:.0%} ({len(scores)}), median carried {s['median']:.2f} "
            f"({s['n']}; misses {s['short']} short / {s['over']} over)")


def line(label: str, a: np.ndarray) -> str:
    "One row: per chunk, median offset and median share (with the count of tasks behind them)."
    cells = []
    for c in range(a.shape[1]):
        off, share = a[:, c, 0], a[:, c, 1]
        n = int((~np.isnan(off)).sum())
        cells.append(f"{np.nanmedian(off):+.3f} / {np.nanmedian(share):.2f} ({n})" if n else "- (0)")
    return f"{label:40s} " + " | ".join(cells)


def check() -> None:
    "`chunk_offsets` on a linear truth: exact, slowed to half the rate, drawn 0.03 small throughout, and unreadable frames."
    truth = 0.2 + 0.006 * np.arange(45)
    np.testing.assert_allclose(chunk_offsets(truth, truth), [[0, 1]] * 4, atol=1e-12)
    half = truth[0] + (truth - truth[0]) / 2                       # a rate lag: the offset widens, the share stays at 0.5
    a = chunk_offsets(half, truth)
    np.testing.assert_allclose(a[:, 1], 0.5, atol=1e-12)
    assert (np.diff(a[:, 0]) < 0).all(), a[:, 0]
    small = truth - 0.03                                           # a smaller ball: the offset stays, the share climbs
    b = chunk_offsets(small, truth)
    np.testing.assert_allclose(b[:, 0], -0.03, atol=1e-12)
    assert (np.diff(b[:, 1]) > 0).all() and b[0, 1] < 0 < b[3, 1] < 1, b[:, 1]
    gaps = truth.copy(); gaps[1:8] = np.nan                        # chunk 0 with one readable frame: undefined
    c = chunk_offsets(gaps, truth)
    assert np.isnan(c[0]).all() and not np.isnan(c[1:]).any(), c
    rates = [0.2 + k * np.arange(45) for k in (0.004, 0.006, 0.008)]
    same = [0.2 + 0.006 * np.arange(45)] * 3                      # every task drawn at one rate: slope 0
    np.testing.assert_allclose([x[0] for x in tracking(rates, rates)], 1.0, atol=1e-9)
    np.testing.assert_allclose([x[0] for x in tracking(rates, same)], 0.0, atol=1e-9)
    print("lag_offset check: exact, half rate (share 0.50 in every chunk), 0.03 small (share "
          + ", ".join(f"{x:.2f}" for x in b[:, 1]) + "), unreadable chunk: NaN")


def track_line(truth: list, reads: list) -> str:
    "The `tracking` row, indented under its checkpoint's row."
    return f"{'  tracks the task rate: slope / r':40s} " + " | ".join(
        f"{sl:+.2f} / {r:+.2f} (true {gt:.3f}, drawn {gd:+.3f})" for sl, r, gt, gd, _ in tracking(truth, reads))


def replay(path: str, tasks_of=None) -> None:
    """Every row again from a `--save` file, without drawing anything; the tables' scores too, from the file or (a file
    saved before they were) recomputed on the tasks `tasks_of()` returns, looked up by id."""
    import json
    d = json.loads(Path(path).read_text())
    truth = [np.asarray(t, np.float64) for t in d["truth"]]
    print(f"{len(truth)} clean I2V tasks from {path}")
    by_id = None
    for label, reads in d["read"].items():
        print(line(label, np.array([chunk_offsets(as_series(r), t) for r, t in zip(reads, truth)])))
        print(track_line(d["truth"], reads))
        scores = d.get("scores", {}).get(label)
        if scores is None and tasks_of is not None:
            if by_id is None:
                by_id = {t.id: t for t in tasks_of()}
                if missing := [i for i in d["tasks"] if i not in by_id]:
                    raise SystemExit(f"lag_offset --load: {len(missing)} task ids of {path} are not in the cycle named (e.g. {missing[0]!r}); "
                                     f"expected the --tasks / --processes / --split it was saved with")
            scores = [table_scores(as_series(r), by_id[i]) for r, i in zip(reads, d["tasks"])]
        if scores is not None: print(scores_line([tuple(np.nan if x is None else x for x in s) for s in scores]))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("checkpoints", nargs="*", help="run folders or checkpoints")
    ap.add_argument("--check", action="store_true", help="check chunk_offsets on hand-made series, then stop")
    ap.add_argument("--load", help="print every row again from a --save file (no rollouts), then stop")
    ap.add_argument("--shift", type=float, default=None, help="sample at this timestep shift instead of the run's (trained at 3)")
    ap.add_argument("--given", type=int, default=1, help="true frames given before the rollout (4k + 1; 9: the first chunk given, the rest drawn)")
    ap.add_argument("--window", type=int, default=None, help="a rolling cache of this many chunks (the tables' plain baseline: 1) instead of the whole cache")
    ap.add_argument("--tasks", type=int, default=450, help="tasks of the cycle to draw the clean I2V ones from")
    ap.add_argument("--processes", default="inflate")
    ap.add_argument("--steps", type=int, default=12)
    ap.add_argument("--history-guidance", type=float, default=2.0)
    ap.add_argument("--no-ema", action="store_true")
    ap.add_argument("--split", default="val", choices=("val", "test"))
    ap.add_argument("--save", help="write the tasks, their true states and every row's read states (JSON) here")
    args = ap.parse_args(argv)
    if args.check: check(); return 0
    clean_i2v = lambda: clean_i2v_tasks(args.tasks, args.processes, args.split)
    if args.load: replay(args.load, clean_i2v); return 0
    if not args.checkpoints: ap.error("expected at least one checkpoint (or --check)")
    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "1")))
    tasks = clean_i2v()
    if not tasks: raise SystemExit(f"lag_offset: no clean I2V task among {args.tasks} of {args.processes!r}; expected some (raise --tasks)")
    if args.given < 1 or (args.given - 1) % 4: raise SystemExit(f"lag_offset --given: expected 4k + 1 frames (1, 5, 9, ...), got {args.given}")
    if args.window is not None and args.window < 1: raise SystemExit(f"lag_offset --window: expected at least 1 chunk, got {args.window}")
    if args.window is not None: print(f"sampled with a rolling cache of {args.window} chunk(s), unpinned, as the tables sample the plain baseline", flush=True)
    if args.given != 1:   # the same clean I2V tasks with their first frames given as a V2V prefix: the drawn chunks start later
        from dataclasses import replace
        tasks = [replace(t, n_cond=args.given) for t in tasks]
        print(f"the first {args.given} true frames given (chunks wholly inside them are those frames as given)", flush=True)
    print(f"{len(tasks)} clean I2V tasks ({args.split}, {args.processes}); per chunk (frames {', '.join(f'{a}-{b}' for a, b in CHUNKS)}): "
          f"median read - truth / median share of the truth's change since frame 0 (tasks)", flush=True)
    saved = {"tasks": [t.id for t in tasks], "truth": [np.asarray(t.clip.state[t.state_var], np.float64).tolist() for t in tasks],
             "prompts": [t.prompt for t in tasks], "read": {}, "scores": {}}
    for label, ck in (("codec", None), *((c, c) for c in args.checkpoints)):
        reads, scores = [], []
        a = offsets(ck, tasks, codec_of=args.checkpoints[0], steps=args.steps, w=args.history_guidance, ema=not args.no_ema, reads=reads,
                    shift=args.shift if ck is not None else None, window=args.window, scores=scores)
        print(line(label, a), flush=True)
        saved["read"][label] = [[None if math.isnan(x) else float(x) for x in r] for r in reads]
        print(track_line(saved["truth"], saved["read"][label]), flush=True)
        print(scores_line(scores), flush=True)
        saved["scores"][label] = [[None if math.isnan(x) else float(x) for x in s] for s in scores]
    if args.save:
        import json
        Path(args.save).parent.mkdir(parents=True, exist_ok=True)
        Path(args.save).write_text(json.dumps(saved))
    return 0


if __name__ == "__main__":
    sys.exit(main())
