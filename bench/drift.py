"""Does a rollout lose the object its history showed? Readability by chunk: the truth in the cache vs the model's own chunks.

    python bench/drift.py models/world-base --tasks 30
    python bench/drift.py models/world-base --tasks 24 --clean          # clean controls only
    python bench/drift.py models/world-base --tasks 24 --clean --states # and each task's last-chunk state

For every held-out task (val split) and every latent chunk c >= 1 the checkpoint draws chunk c twice: once with the
true chunks 0..c-1 in its KV cache (teacher-forced, as the teacher-forced probe does), and once as part of its own
rollout, where every chunk after the given frames is its own drawing (`--own-interruption` adds a third draw: the
truth in the cache except the interruption's chunks, which are the model's own drawing of them). The world's state
reader then reads the process state off the generated, observed frames of that chunk (frames the interruption hides
are left out, for every row alike). Per chunk it prints the share of those frames whose object the reader finds
(`readable`), for the teacher-forced draw, the rollout and the codec (the truth through the latent codec, the
ceiling), and the share within the process's tolerance (`within`). A model that keeps the object when its history is
the truth but loses it in its own rollout drifts: its later chunks copy its earlier mistakes rather than the evidence
in the cache.

The figures come for all tasks, for I2V and V2V apart, and for the interrupted tasks of each kind apart. Only V2V
separates drift cleanly: an I2V task's first generated chunks are drawn from one given frame, while its teacher-forced
draw sees true frames that show the rate, so part of an I2V gap is missing evidence, not drift. `--sampler few_step
--steps 4` draws posterior means instead; `--history-guidance w` samples with history guidance; `--ema` reads a run's
EMA weights.
"""
from __future__ import annotations

import argparse
import json
import os
import sys

import numpy as np
import torch


def drift(ckpt: str, tasks, euler: int, context_sigma: float | None, states: bool = False, sampler: str = "euler",
          history_guidance: float = 1.0, ema: bool = False, own_interruption: bool = False, whole_chunks: bool = False) -> dict:
    """Readable / within shares by chunk, for all tasks and for each kind (I2V, V2V) apart; `ema`: the run's EMA weights.
    `own_interruption`: a fourth row, chunk c drawn from the truth in which only the interruption's chunks before c are the
    model's own rollout of them (from the true chunks before the interruption), the cache `TrainConfig.rollout_interruption` trains on.
    `whole_chunks`: the rollout is given only the whole chunks of a V2V task's given frames (a partly given chunk is drawn
    whole, as training draws every chunk but an I2V seed frame's)."""
    from remind.core import video_frames
    from remind.evaluate import (load_model, encode_frames, decode_latents, read_task_state, rollout_inputs, STATE_TOL,
                                 interruption_chunks)
    lm = load_model(ckpt, ema=ema)
    m, ch = lm.model, lm.model.chunk
    n = 0
    names = ("teacher-forced", "rollout", "codec") + (("own interruption",) if own_interruption else ())
    sub = lambda t: (t.kind, f"{t.kind}, interrupted") if t.spec.interruption else (t.kind,)   # the interrupted tasks of a kind, apart
    groups = ("all", *sorted({g for t in tasks for g in sub(t)}))
    rows = {g: {k: np.zeros((2, 8)) for k in names} for g in groups}   # [readable, within] x chunk
    frames = {g: np.zeros(8) for g in groups}
    for i, t in enumerate(tasks):
        kw = rollout_inputs(lm, t, euler, sampler, seed=i, context_sigma=context_sigma, history_guidance=history_guidance)
        n = kw["n_chunks"]
        if whole_chunks and kw["context"].shape[2] >= ch:
            kw["context"] = kw["context"][:, :, :kw["context"].shape[2] // ch * ch]
        gt = encode_frames(t.clip.frames, lm)
        truth = np.asarray(t.clip.state[t.state_var], np.float64)
        tol = STATE_TOL[t.spec.process]
        seen = np.asarray(t.clip.state["observed"], bool)
        with torch.no_grad(): own = m.rollout(**kw)
        D = [c for c in interruption_chunks(t, ch) if c < n] if own_interruption else []
        mixed = gt
        g2 = torch.Generator(device="cpu").manual_seed(1_000_003 + i)   # its own noise: the other rows draw as without the flag
        if D:   # the truth, with the model's own drawing of the interruption's chunks (drawn from the true chunks before them)
            lo, hi = min(D), max(D) + 1
            ctx = gt[:, :, :lo * ch] if lo > 0 else kw["context"]
            with torch.no_grad(): drawn = m.rollout(**dict(kw, n_chunks=hi, context=ctx, cameras=kw["cameras"][:, :hi * ch], generator=g2))
            mixed = gt.clone()
            for c in D: mixed[:, :, c * ch:(c + 1) * ch] = drawn[:, :, c * ch:(c + 1) * ch]
        read = {"rollout": read_task_state(decode_latents(own, lm), t), "codec": read_task_state(decode_latents(gt, lm), t)}
        if states:   # the last chunk's state in the rollout against the truth and the last given frame: lag, or lost?
            last = np.arange(video_frames(ch * (n - 1)), len(truth))
            ok = ~np.isnan(read["rollout"][last])
            got = f"read {read['rollout'][last][ok].mean():+.2f}" if ok.any() else "unreadable"
            print(f"   {t.id}: last given {truth[t.n_cond - 1]:+.2f}, truth over the last chunk {truth[last].mean():+.2f}, rollout {got} (tol {tol})")
        for c in range(1, n):
            fr = np.arange(video_frames(ch * c), video_frames(ch * (c + 1)))     # the video frames of latent chunk c
            fr = fr[(fr >= t.n_cond) & seen[fr]]                                # generated and observed
            if not len(fr): continue
            a = dict(kw, n_chunks=c + 1, context=gt[:, :, :c * ch], cameras=kw["cameras"][:, :(c + 1) * ch])
            with torch.no_grad(): lat = m.rollout(**a)
            read["teacher-forced"] = read_task_state(decode_latents(torch.cat([gt[:, :, :c * ch], lat[:, :, c * ch:]], 2), lm), t)
            if own_interruption:
                if any(d < c for d in D):
                    a = dict(a, context=mixed[:, :, :c * ch], generator=g2)
                    with torch.no_grad(): lat = m.rollout(**a)
                read["own interruption"] = read_task_state(decode_latents(torch.cat([mixed[:, :, :c * ch], lat[:, :, c * ch:]], 2), lm), t)
            for g in ("all", *sub(t)):
                for k, r in read.items():
                    ok = ~np.isnan(r[fr])
                    rows[g][k][0, c] += ok.sum()
                    rows[g][k][1, c] += (np.abs(r[fr][ok] - truth[fr][ok]) <= tol).sum()
                frames[g][c] += len(fr)
    out = {}
    for g in groups:
        f = frames[g][1:n]
        out[g] = {"frames": f.astype(int).tolist(),
                  **{k: {"readable": (v[0, 1:n] / np.maximum(f, 1)).round(3).tolist(),
                         "within": (v[1, 1:n] / np.maximum(f, 1)).round(3).tolist()} for k, v in rows[g].items()}}
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("checkpoints", nargs="+")
    ap.add_argument("--tasks", type=int, default=30)
    ap.add_argument("--steps", "--euler", type=int, default=12, dest="steps", help="sampler steps per chunk")
    ap.add_argument("--sampler", default="euler", choices=("euler", "few_step"))
    ap.add_argument("--clean", action="store_true", help="clean controls only (no interruption): drift without anything to remember")
    ap.add_argument("--states", action="store_true", help="print each task's last-chunk state: last given, truth, rollout")
    ap.add_argument("--context-sigma", type=float, default=None, help="history noise of the rollout (default: the run's recorded level)")
    ap.add_argument("--history-guidance", type=float, default=1.0, help="history guidance weight of every drawn chunk (1: off)")
    ap.add_argument("--ema", action="store_true", help="score the runs' EMA weights (TrainConfig.ema) instead of their weights")
    ap.add_argument("--whole-chunks", action="store_true",
                    help="give the rollout only the whole chunks of a V2V task's given frames (the partly given chunk is drawn whole)")
    ap.add_argument("--own-interruption", action="store_true",
                    help="a fourth row: the truth in the cache except the interruption's chunks, which are the model's own drawing")
    args = ap.parse_args(argv)
    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "1")))
    from remind.evaluate import eval_tasks
    tasks = eval_tasks(args.tasks, split="val", n_frames=45, height=64, width=64, interruptions=[None] if args.clean else None)
    print(f"{len(tasks)} held-out {'clean ' if args.clean else ''}tasks (val split), {args.sampler} x {args.steps}"
          f"{f', history guidance {args.history_guidance}' if args.history_guidance != 1 else ''}; generated, observed frames of chunks 1..")
    for ck in args.checkpoints:
        res = drift(ck, tasks, args.steps, args.context_sigma, args.states, args.sampler, args.history_guidance, args.ema,
                    args.own_interruption, args.whole_chunks)
        print(ck, json.dumps(res))
        rowsn = ("teacher-forced", "rollout", "codec") + (("own interruption",) if args.own_interruption else ())
        for g, r in res.items():   # I2V's first chunks lack the true frames that show the rate: a drop there is not all drift
            print(f"  {g}:")
            for c, f in enumerate(r["frames"], 1):
                if not f: continue
                print(f"   chunk {c} ({f:3d} frames): readable " + "  ".join(f"{k} {r[k]['readable'][c - 1]:.0%}" for k in rowsn)
                      + "   within " + "  ".join(f"{k} {r[k]['within'][c - 1]:.0%}" for k in rowsn))


if __name__ == "__main__":
    sys.exit(main())
