"""Frame by frame: where in the hidden interval did a table rollout draw the object, and did the reader see it?

    OMP_NUM_THREADS=1 python bench/drawn_frames.py bench/results-drawn/rollouts/records.jsonl \
        "qk s0=runs/gpu/ft-inflate/qk-s0" --ema --families light_toggle,occluder --lost bench/results-infarch/rollouts/records.jsonl

`remind.metrics.drawn_while_hidden` gives one number over the fully hidden interval. This re-draws a checkpoint's
rollouts of a mended inflate or all-process table (`09_results`' draw: Euler x 12, noise seed the task's place in the
table's draw, EMA weights with `--ema`; a memory model, not a plain baseline's rolling window), checks that each
re-drawn video scores its record's `drawn`, progress and `resumed`, and prints per hidden frame: the object's palette
pixels over the same in the uninterrupted render (`share`), whether the reader read nothing there (`unread`), and the
frame's light as the readers estimate it (`remind.world.estimate_light` against the empty room through the true
camera). `--lost OLD` keeps only the tasks whose `resumed` was 1 in OLD (a table scored before the mend) and is 0 now:
the records the mend took. `--max N` stops after N tasks.
"""
from __future__ import annotations

import argparse
import json

import numpy as np
import torch


def frames_of(video: np.ndarray, task) -> dict:
    "Per fully hidden generated frame: `share`, `unread` and `light` (see the module), and the frame indices."
    from remind.metrics import as_video, interruption_masks, object_pixels, read_task_state
    from remind.world import empty_room, estimate_light
    hide, _ = interruption_masks(task.clip.events[0], task.clip.state["observed"], task.n_cond)
    idx = np.nonzero(hide)[0]
    drawn, in_view = object_pixels(video, task, hide)
    share = drawn / np.maximum(in_view, 1)
    light = estimate_light(as_video(video[idx]), empty_room(task.spec, task.clip.extrinsics[idx], task.clip.intrinsics[idx]))
    return dict(frames=idx.tolist(), share=share.round(2).tolist(), unread=np.isnan(read_task_state(video, task)[idx]).astype(int).tolist(),
                light=[round(float(x), 2) for x in light])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("table", help="records.jsonl of a table scored with the mended hid (records carry `drawn`)")
    ap.add_argument("checkpoint", help="NAME=PATH: the table's variant name and its checkpoint")
    ap.add_argument("--ema", action="store_true")
    ap.add_argument("--n-tasks", type=int, default=225)
    ap.add_argument("--processes", default="inflate")
    ap.add_argument("--families", default="", help="only these interruption families (comma list)")
    ap.add_argument("--kind", default="v2v", choices=("v2v", "i2v"))
    ap.add_argument("--lost", default="", help="a pre-mend table's records: keep the tasks whose resumed went from 1 to 0")
    ap.add_argument("--max", type=int, default=0)
    a = ap.parse_args(argv)
    from remind.evaluate import evaluate_video, generate_video, load_model
    from remind.experiment import results_tasks
    name, sep, path = a.checkpoint.partition("=")
    if not sep: raise SystemExit(f"drawn_frames: expected NAME=PATH, got {a.checkpoint!r}")
    recs = {r["task"]: r for r in map(json.loads, filter(str.strip, open(a.table))) if r["variant"] == name}
    if not recs: raise SystemExit(f"drawn_frames: {a.table} holds no records of variant {name!r}")
    if any("drawn" not in r for r in recs.values()): raise SystemExit(f"drawn_frames: {a.table} was scored before `drawn`; expected a mended table")
    old = {r["task"]: r for r in map(json.loads, filter(str.strip, open(a.lost))) if r["variant"] == name} if a.lost else {}
    fams = tuple(f for f in a.families.split(",") if f)
    lm = load_model(path, ema=a.ema)
    n = 0
    for i, t in enumerate(results_tasks(a.n_tasks, processes=a.processes)):
        if t.kind != a.kind or not t.clip.events or (fams and t.clip.events[0].kind not in fams): continue
        r = recs[t.id]
        if a.lost and not (old[t.id]["resumed"] == 1.0 and r["resumed"] == 0.0): continue
        with torch.no_grad(): v = generate_video(lm, t, 12, "euler", i, None)
        new = evaluate_video(v, t, lm.id, name)
        if new["progress"] != r["progress"] or new["resumed"] != r["resumed"] or abs(new["drawn"] - r["drawn"]) > 1e-9:
            raise SystemExit(f"drawn_frames: {name!r} on {t.id} re-drawn differs from its record (progress {new['progress']} / "
                             f"{r['progress']}, drawn {new['drawn']} / {r['drawn']}); expected the table's own draw (--ema, --n-tasks)")
        print(json.dumps(dict(task=t.id, family=t.clip.events[0].kind, drawn=round(r["drawn"], 3), **frames_of(v, t))))
        n += 1
        if a.max and n >= a.max: break
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
