"""Did a table rollout really hide the ball? Re-draws a results table's rollouts where its `hid` check is blind, and asks.

    OMP_NUM_THREADS=1 python bench/hid_check.py bench/results-infarch/rollouts/records.jsonl \
        base=models/world-base-gpu "qk s0=runs/gpu/ft-inflate/qk-s0" --ema "qk s0" --n-tasks 225 --processes inflate
    ... --records runs/hid.jsonl          # one JSON line per checkpoint and task
    python bench/hid_check.py --summarize runs/hid.jsonl [--ball-min 0.5]
    python bench/paired.py "runs/hid.jsonl:no_pm_rope s0" "runs/hid.jsonl:qk s0"   # resumed and strict, task by task

A results table counts an interrupted task as *hid and resumed* when the state reader finds no object in the fully
hidden interval of the drawn video and the right state after it (`remind.metrics.hid_and_resumed`). The reader
(`remind.world.read_state`) looks through the task's *true* cameras and light: it keeps a ball-coloured blob only
within a few pixels of where the true camera projects the ball, and reads nothing in a frame darker than half the
room's light. So in two families its "hid" cannot tell a model that hid the ball from one that kept drawing it:
- camera loops and zooms: a model that kept the old view, ball in sight and growing, draws the blob in the wrong place
  for the true camera, which is read as hidden; once the true camera is back, the ball is read as recovered, by a
  plain continuation that needed no memory;
- lights off: a model that darkened the room but kept the ball lit is read as hidden.
Occluders do not have this hole (camera and light do not change, so a ball drawn in front of the occluder is read and
the task is not hid). Tables scored since 2026-12-06 no longer have it either: `remind.metrics.evaluate_video`'s `hid`
now also needs the object's colours to be absent from those frames (`drawn_while_hidden`, records with `drawn`). This
script reads both kinds of table: it compares a re-drawn video with a pre-mend record through `reader_only`, the
reader's `hid` alone, as that table scored it.

This script draws each V2V task of those families again, as `09_results` drew it (`compare_variants`: Euler x
`--euler`, noise seed `--seed` + the task's place in the table's draw, EMA weights for the names in `--ema`, a plain
baseline's rolling window, the history guidance and node-drop its record names), checks that the re-drawn video
scores the table's own record (progress, hid and resumed equal, `abs_error` and PSNR within 1e-4; else it stops), and
measures the frames of the fully hidden interval that the model drew:
- `ball`: pixels of the ball's full colour (every channel within 0.15 of it) in them, as a share of those in the true
  frame before the interruption, where the ball is in view: 0 in the truth (out of view, or dark), 1 for a frame that
  kept the last view before the interruption;
- `view` (camera families; NaN after lights off): the share of them closer (mean squared error) to the true frame at
  that time than to the last true frame before the interruption: 1 where the drawn view moved with the camera.
A task *drew the ball* while it was hidden when `ball` >= 0.1, and *followed the camera* when `view` >= 0.5. The
summary gives, per checkpoint, both shares, the table's hid-and-resumed rate, the same counted only where the ball
stayed out of sight (`strict`: a recovery that kept the ball in view remembered nothing), and hid-and-resumed among
the tasks that drew the ball (Wilson 95%). Each record carries `strict`, which `bench/paired.py` compares task by task
beside `resumed` (at the `ball_min` the record names; `--ball-min` changes the summary only).
"""
from __future__ import annotations

import argparse
import json
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reproduced import differing  # noqa: E402

CAMERA_FAMILIES = ("camera_loop", "zoom")
BLIND_FAMILIES = CAMERA_FAMILIES + ("light_toggle",)   # where the reader cannot see a ball drawn while it should be hidden
BALL_MIN = 0.1   # a drawn hidden frame "shows the ball" from a tenth of the ball's pixels in view before the interruption


def hidden_frames(task) -> np.ndarray:
    "Indices of the frames the model drew in the fully hidden interval (`remind.metrics.interruption_masks`' must-hide frames)."
    from remind.metrics import interruption_masks
    hide, _ = interruption_masks(task.clip.events[0], task.clip.state["observed"], task.n_cond)
    return np.nonzero(hide)[0]


def ball_pixels(frames: np.ndarray, colour, tol: float = 0.15) -> np.ndarray:
    "Per frame `[T]`: pixels whose every channel lies within `tol` of the ball's colour (frames uint8 `[T, H, W, 3]`)."
    f = np.asarray(frames, np.float64) / 255.0
    return (np.abs(f - np.asarray(colour, np.float64)).max(-1) < tol).sum((1, 2))


def followed(video: np.ndarray, task, min_seen: int = 3) -> dict:
    """`view` and `ball` (see the module) of a drawn `video` `uint8 [T, H, W, 3]` of `task` (`view` NaN after lights off),
    the frames they were measured on and `seen`, the ball's pixels in the true frame before the interruption (at
    least `min_seen`, else the task cannot say whether a ball was drawn: it stops); NaN where it drew no hidden frame."""
    from remind.world import scene_params
    idx = hidden_frames(task)
    if len(idx) == 0: return dict(view=float("nan"), ball=float("nan"), hidden_drawn=0, seen=0)
    ev, gt = task.clip.events[0], np.asarray(task.clip.frames, np.float64)
    v = np.asarray(video, np.float64)
    colour = scene_params(task.spec)["color"]
    seen = int(ball_pixels(task.clip.frames[ev.start - 1:ev.start], colour)[0])
    if seen < min_seen:
        raise ValueError(f"hid_check {task.id}: the ball shows {seen} pixels of its colour in the true frame before the "
                         f"interruption ({ev.start - 1}); expected at least {min_seen} to compare a drawn ball with")
    to_truth = ((v[idx] - gt[idx]) ** 2).mean((1, 2, 3))
    to_pre = ((v[idx] - gt[ev.start - 1][None]) ** 2).mean((1, 2, 3))
    view = float((to_truth < to_pre).mean()) if ev.kind in CAMERA_FAMILIES else float("nan")
    return dict(view=view, ball=float(ball_pixels(video[idx], colour).mean() / seen), hidden_drawn=int(len(idx)), seen=seen)


def reader_only(video: np.ndarray, task, rec: dict) -> dict:
    """`rec` with `hid`, `observation` and `resumed` as `evaluate_video` scored them before `drawn` joined `hid` (the
    reader alone, through the true camera): what a table scored before 2026-12-06 recorded."""
    from remind.metrics import hid_and_resumed, interruption_masks, observation_control, observation_parts, read_task_state
    read = read_task_state(video, task)
    hide, show = interruption_masks(task.clip.events[0], task.clip.state["observed"], task.n_cond)
    obs = observation_control(read, hide, show)
    return dict(rec, hid=observation_parts(read, hide, show)["hid"], observation=obs, resumed=hid_and_resumed(rec["progress"], obs))


def run(table: str, checkpoints: dict[str, str], ema: set[str], n_tasks: int, processes: str, euler: int, seed: int,
        baseline_window: int = 1, log=print) -> list[dict]:
    "One record per checkpoint and V2V task of the table in `BLIND_FAMILIES`: `followed`, with the table's record's rates."
    from remind.evaluate import evaluate_video, generate_video, is_plain_baseline, load_model
    from remind.experiment import results_tasks
    scored = {(r["variant"], r["task"]): r for r in map(json.loads, filter(str.strip, open(table)))}
    tasks = [(i, t) for i, t in enumerate(results_tasks(n_tasks, processes=processes))
             if t.kind == "v2v" and t.clip.events and t.clip.events[0].kind in BLIND_FAMILIES]
    out = []
    for name, path in checkpoints.items():
        if not any(k[0] == name for k in scored):
            raise SystemExit(f"hid_check: {table} holds no records of variant {name!r}; expected the table's name for {path}")
        lm = load_model(path, ema=name in ema)
        policy = {"window": baseline_window, "pin_anchors": False} if is_plain_baseline(name, lm) else None   # as compare_variants
        for i, t in tasks:
            if (name, t.id) not in scored:
                raise SystemExit(f"hid_check: {table} has no record of {name!r} on {t.id}; expected the table of "
                                 f"results_tasks({n_tasks}, processes={processes!r})")
            old = scored[(name, t.id)]
            hg, nd = float(old.get("history_guidance", 1.0)), old.get("node_drop", False)   # the table's sampler, as recorded
            hid_w = old.get("hidden_guidance")   # absent (older tables) or equal to hg: one weight everywhere, as before
            with torch.no_grad(): v = generate_video(lm, t, euler, "euler", seed + i, policy, history_guidance=hg, node_drop=nd,
                                                     hidden_guidance=None if hid_w is None or hid_w == hg else float(hid_w),
                                                     hidden_edges=old.get("hidden_edges", True))
            rec = evaluate_video(v, t, lm.id, name)
            if "drawn" not in old: rec = reader_only(v, t, rec)   # a table scored before `drawn`: its hid was the reader's alone
            if bad := differing(rec, old, exact=("progress", "hid", "resumed"), close=("abs_error", "psnr")):
                raise SystemExit(f"hid_check: {name!r} on {t.id} re-drawn differs from the table's record in {bad} "
                                 f"({', '.join(f'{k} {rec.get(k)} against {old.get(k)}' for k in bad)}); expected the table's "
                                 f"own draw (checkpoint, --ema, --seed, --euler, --baseline-window)")
            f = followed(v, t)
            out.append(dict(variant=name, checkpoint=str(path), task=t.id, kind=t.kind, interruption=t.clip.events[0].kind,
                            progress=old["progress"], hid=old["hid"], resumed=old["resumed"], **f, ball_min=BALL_MIN,
                            strict=0.0 if f["ball"] >= BALL_MIN else old["resumed"]))
        log(f"{name}: {len(tasks)} V2V tasks ({', '.join(BLIND_FAMILIES)}) re-drawn, the table's records reproduced")
    return out


GROUPS = {"camera loop + zoom": CAMERA_FAMILIES, "lights off": ("light_toggle",)}


def summarize(records: list[dict], ball_min: float = BALL_MIN) -> dict:
    """Per variant and family group: tasks; the share that followed the camera (`view` >= 0.5; None after lights off)
    and the share that drew the ball while it was hidden (`ball` >= `ball_min`); the table's hid-and-resumed rate, the
    same counted only where the ball stayed out of sight (`strict`), and hid-and-resumed among the tasks that drew the
    ball (Wilson 95%)."""
    from remind.metrics import wilson_ci
    rate = lambda xs: dict(zip(("rate", "lo", "hi", "n"), wilson_ci(xs))) if len(xs) else None
    drew = lambda r: r["ball"] is not None and r["ball"] == r["ball"] and r["ball"] >= ball_min
    res = {}
    for v in dict.fromkeys(r["variant"] for r in records):
        for g, fams in GROUPS.items():
            rs = [r for r in records if r["variant"] == v and r["interruption"] in fams]
            if not rs: continue
            views = [r["view"] for r in rs if r["view"] is not None and r["view"] == r["view"]]
            res[f"{v}, {g}"] = dict(n=len(rs), followed=float(np.mean([x >= 0.5 for x in views])) if views else None,
                                    drew_ball=float(np.mean([drew(r) for r in rs])), resumed=rate([r["resumed"] for r in rs]),
                                    strict=rate([0.0 if drew(r) else r["resumed"] for r in rs]),
                                    resumed_drew_ball=rate([r["resumed"] for r in rs if drew(r)]))
    return res


def print_summary(res: dict) -> None:
    print("| variant, families | tasks | followed the camera | drew the ball while hidden | hid and resumed (table) | "
          "the same, ball out of sight | hid and resumed where it drew the ball |")
    print("|---|---|---|---|---|---|---|")
    for v, s in res.items():
        n = s["n"]
        fmt = lambda d: "-" if d is None else f"{d['rate']:.0%} [{d['lo']:.0%}, {d['hi']:.0%}]" + ("" if d["n"] == n else f" of {d['n']}")
        print(f"| {v} | {n} | {'-' if s['followed'] is None else format(s['followed'], '.0%')} | {s['drew_ball']:.0%} | "
              f"{fmt(s['resumed'])} | {fmt(s['strict'])} | {fmt(s['resumed_drew_ball'])} |")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("table", nargs="+", help="the table's records.jsonl, then name=checkpoint pairs (the table's variant names); "
                    "with --summarize: record files of this script")
    ap.add_argument("--ema", action="append", default=[], metavar="NAME", help="score this variant's EMA weights, as the table did (repeatable)")
    ap.add_argument("--n-tasks", type=int, default=225, help="the table's n_tasks")
    ap.add_argument("--processes", default="all", help="the table's processes")
    ap.add_argument("--euler", type=int, default=12)
    ap.add_argument("--seed", type=int, default=0, help="the table's seed (each task's noise seed is seed + its place)")
    ap.add_argument("--baseline-window", type=int, default=1, help="the table's rolling window (chunks) of plain baselines")
    ap.add_argument("--records", default="", help="append one JSON line per checkpoint and task here")
    ap.add_argument("--summarize", action="store_true")
    ap.add_argument("--ball-min", type=float, default=BALL_MIN, help="with --summarize: the `ball` share from which a task drew the ball")
    a = ap.parse_args(argv)
    if a.summarize:
        print_summary(summarize([json.loads(l) for p in a.table for l in open(p) if l.strip()], a.ball_min)); return 0
    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "1")))
    table, pairs = a.table[0], a.table[1:]
    if not pairs: raise SystemExit("hid_check: expected the table's records then at least one name=checkpoint")
    ckpts = {}
    for p in pairs:
        name, sep, path = p.partition("=")
        if not sep or not path: raise SystemExit(f"hid_check: expected name=checkpoint, got {p!r}")
        ckpts[name] = path
    if bad := sorted(set(a.ema) - set(ckpts)): raise SystemExit(f"hid_check: --ema names {bad}, not among {sorted(ckpts)}")
    recs = run(table, ckpts, set(a.ema), a.n_tasks, a.processes, a.euler, a.seed, a.baseline_window)
    if a.records:
        with open(a.records, "a") as f:
            for r in recs: f.write(json.dumps({k: (None if isinstance(v, float) and v != v else v) for k, v in r.items()}) + "\n")
    print_summary(summarize(recs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
