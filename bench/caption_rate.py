"""Does the model read the rate off the caption's numbers? The same I2V rollout under two end radii.

    python bench/caption_rate.py runs/gpu/ft-inflate/remind-s0 --tasks 450
    python bench/caption_rate.py --check                      # the caption rewriting, on the task set's captions

On the clean I2V inflate tasks of the val split (09_results' task cycle, 64x64, 45 frames) each checkpoint streams
every task twice from the same noise, as the tables sample (EMA weights, Euler x 12, history guidance w = 2): once
with the caption's end radius replaced by the smallest end radius among the tasks, once by the largest ("... to
0.40 m." / "... to 0.52 m."); nothing else changes. The world's reader reads the ball's radius frame by frame. Per
latent chunk (video frames 1-8, 9-20, 21-32, 33-44; `lag_offset.CHUNKS`) it prints the median over tasks of the drawn
growth since frame 0 under each caption and of their paired difference (large minus small end), against the
difference the two captions imply (the truth's growth scaled to each end radius, growth x (end' - start) / (end -
start)). A model that reads the number draws about the implied difference; one that reads only "inflates" draws none.

Why: the world's text encoder (`words`) gives each number string its own hashed random vector, so "0.41" is no nearer
to "0.42" than to "red"; a model can only learn what each number token means from the clips that carry it.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import replace

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lag_offset import CHUNKS, clean_i2v_tasks, readable  # noqa: E402

END = re.compile(r"to (\d+(?:\.\d+)?) m\.$")


def end_radius(caption: str) -> float:
    "The end radius an inflate caption states ('... to 0.41 m.')."
    m = END.search(caption)
    if not m: raise ValueError(f"caption_rate: expected an inflate caption ending 'to <radius> m.', got {caption!r}")
    return float(m.group(1))


def with_end(caption: str, end: float) -> str:
    "The caption with its end radius replaced by `end` (two decimals, as the world writes them)."
    end_radius(caption)
    return END.sub(f"to {end:.2f} m.", caption)


def growth(read: np.ndarray, truth0: float, chunks=CHUNKS) -> np.ndarray:
    "`[chunks]`: the mean read state minus the state at frame 0, over each chunk's readable frames (NaN: under two)."
    out = np.full(len(chunks), np.nan)
    for c, (lo, hi) in enumerate(chunks):
        idx = readable(read, lo, hi)
        if len(idx) >= 2: out[c] = float(np.mean(read[idx])) - truth0
    return out


def draws(ckpt: str, tasks, ends: tuple[float, float], steps: int = 12, w: float = 2.0, ema: bool = True) -> np.ndarray:
    "`[tasks, 2, chunks]`: drawn growth under the small and the large end radius, the same noise (seed = task index) for both."
    from remind.evaluate import load_model, generate_video
    from remind.metrics import read_task_state
    lm = load_model(ckpt, ema=ema)
    out = []
    for i, t in enumerate(tasks):
        truth0 = float(t.clip.state[t.state_var][0])
        row = []
        for e in ends:
            ti = replace(t, clip=replace(t.clip, caption=with_end(t.clip.caption, e)))
            row.append(growth(read_task_state(generate_video(lm, ti, steps, "euler", seed=i, history_guidance=w), t), truth0))
        out.append(row)
        print(f"  {i + 1}/{len(tasks)}", end="\r", file=sys.stderr, flush=True)
    return np.array(out)


def implied(tasks, ends: tuple[float, float]) -> np.ndarray:
    "`[tasks, chunks]`: the growth difference the two captions imply, the truth's growth scaled by (large - small) / (end - start)."
    out = []
    for t in tasks:
        truth = np.asarray(t.clip.state[t.state_var], np.float64)
        span = end_radius(t.clip.caption) - truth[0]
        g = growth(truth, float(truth[0]))
        out.append(g * (ends[1] - ends[0]) / span)
    return np.array(out)


def check(tasks) -> None:
    "The rewriting keeps every other word of each caption, and the stated end radius is the clip's last state to the centimetre."
    for t in tasks:
        c = t.clip.caption
        new = with_end(c, 0.99)
        assert new.endswith("to 0.99 m.") and new[:-len("to 0.99 m.")] == c[:c.rindex("to ")], (c, new)
        last = float(t.clip.state[t.state_var][-1])
        assert abs(end_radius(c) - last) <= 0.005 + 1e-9, (c, last)
    try: with_end("A lamp dims.", 0.4); raise AssertionError("expected a refusal")
    except ValueError as e: assert "expected an inflate caption" in str(e)
    print(f"caption_rate check: {len(tasks)} captions rewritten, every stated end radius within 0.5 cm of the clip's last state")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("checkpoints", nargs="*", help="run folders or checkpoints")
    ap.add_argument("--tasks", type=int, default=450, help="tasks of the cycle to draw the clean I2V ones from")
    ap.add_argument("--steps", type=int, default=12)
    ap.add_argument("--history-guidance", type=float, default=2.0)
    ap.add_argument("--no-ema", action="store_true")
    ap.add_argument("--check", action="store_true", help="check the caption rewriting on the task set, then stop")
    args = ap.parse_args(argv)
    tasks = clean_i2v_tasks(args.tasks)
    if not tasks: raise SystemExit(f"caption_rate: no clean I2V inflate task among {args.tasks}; expected some (raise --tasks)")
    if args.check: check(tasks); return 0
    if not args.checkpoints: ap.error("expected at least one checkpoint (or --check)")
    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "1")))
    ends = (min(end_radius(t.clip.caption) for t in tasks), max(end_radius(t.clip.caption) for t in tasks))
    imp = implied(tasks, ends)
    print(f"{len(tasks)} clean I2V inflate val tasks, end radius {ends[0]:.2f} / {ends[1]:.2f} m in the caption; per chunk: median drawn growth "
          f"since frame 0, small / large end, and the paired difference [quartiles] against the implied one", flush=True)
    print(f"{'implied by the captions':40s} " + " | ".join(f"diff {np.median(imp[:, c]):+.3f}" for c in range(len(CHUNKS))), flush=True)
    for ck in args.checkpoints:
        d = draws(ck, tasks, ends, args.steps, args.history_guidance, not args.no_ema)
        cells = []
        for c in range(len(CHUNKS)):
            diff = d[:, 1, c] - d[:, 0, c]
            ok = ~np.isnan(diff)
            q = np.percentile(diff[ok], [25, 75]) if ok.any() else (np.nan, np.nan)
            cells.append(f"{np.nanmedian(d[:, 0, c]):+.3f} / {np.nanmedian(d[:, 1, c]):+.3f}, diff {np.median(diff[ok]):+.3f} "
                         f"[{q[0]:+.3f}, {q[1]:+.3f}] ({int(ok.sum())})")
        print(f"{ck:40s} " + " | ".join(cells), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
