"""Does a checkpoint remember, once drawing is taken out of the question? The teacher-forced recovery probe.

    OMP_NUM_THREADS=1 python bench/recovery_probe.py codec=models/world-base base=models/world-base \
        baseline-s0=models/world-baseline remind-s0=models/world-remind --tasks 160 --records runs/probe.jsonl
    ... --history-guidance 2          # every drawn chunk with history guidance
    ... --baseline-window 0           # the plain baselines with the whole history in the cache, not a rolling window
    ... --train-seeds 0:10 --families camera_loop,light_toggle,occluder,zoom   # the clips of an 8-clip training pool
    ... --tasks 160 --skip 80 --processes inflate   # a fresh 80 beside an earlier --tasks 80 (noise seeds restart at 0)
    ... --table 225 --processes inflate   # the interrupted V2V tasks of a results table (09_results n_tasks 225), its ids
    ... --strips runs/strips      # runs/strips/NAME.png: the first 8 tasks' recoveries, truth above drawn
    ... --families camera_loop,zoom --anchor --cameras still   # those families only; the anchor share, every frame at
                                                               # the first camera (bench/anchor_phase.py reads both paths)
    python bench/recovery_probe.py --summarize runs/probe.jsonl   # table rows; seeds named NAME-sN pooled
    ... --by-process --paired base remind-s0   # each variant by process; remind-s0 minus base task by task (bootstrap 95%)

The results table asks a rollout to draw the whole continuation, interruption included, and its recovery fails for two
reasons at once: the model may not carry the hidden process (memory), and its own drawn chunks lose the object and
its rate before the recovery is reached (drift; `bench/drift.py`, `bench/context_swap.py`). This probe removes the
second. For every interrupted held-out task (val split, every family and process; with `--table`, a results table's
own test tasks) the KV cache is filled with the *true* latents of every video frame before the end of the
interruption's fully hidden interval (`event.full_end`; the latent frames that hold no later frame, a partial chunk
allowed), so every true frame in the cache is from before the interruption or hidden, and the whole evidence before
the hidden interval is there. The model then draws the rest of
the clip (Euler, the run's shift and history noise): at most 3 frames of the hidden interval, the fade back in and the
recovery, which is scored exactly as the table scores it (`remind.metrics.state_progress`: the first 4 visible frames
from `event.end` on; progress, frozen, reset). The state after the interruption can only come from the process seen
before it, carried through the hidden frames: the question ReMind exists to answer, with the evidence it needs in the
cache and almost nothing drawn before the recovery.

Each checkpoint is sampled with the cache policy of the table (`compare_variants`): the plain baselines with a rolling
window of `--baseline-window` chunks (default 1; 0 keeps the whole history), every other model with the whole
history at its original positions. A name ending in `codec` scores the truth through the latent codec (the ceiling). Rates carry Wilson 95%
intervals; a row pooling seeds discounts records that share a task (the seeds share the tasks and the noise: Wilson at
Kish's effective sample size, `remind.metrics.wilson_ci(clusters=...)`). Tasks whose recovery would start after the clip's last frame are left out.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time

import numpy as np
import torch


CAMERAS = ("true", "still")   # `probe(cameras=...)`: the clip's camera path, or every frame at the first frame's camera


def probe_tasks(n: int, split: str = "val", train_seeds: str = "", families: str = "", processes: str = "all", skip: int = 0,
                table: int = 0):
    """Interrupted V2V tasks (every family and process) with a teacher-forced recovery: (task, latent frames given, noise seed).

    `table` N takes, instead of val tasks, the interrupted V2V tasks among the results table's first N test tasks
    (`remind.experiment.results_tasks(N, processes=...)`, the draw `09_results` scores, so each keeps its table id and
    clip; its noise seed is its place in that draw): the table's own tasks read without the drift of a drawn
    interruption. `n` and `skip` are then unused.

    `train_seeds` 'a:b' takes the clips of a training pool instead: seeds a..b-1 of the train split, each seed's family
    drawn from `families` as `remind.train.ProceduralData` draws it ('all': the world's own draw), clean clips and clips
    that make no frame graph left out (the pool skips the latter too). `processes` narrows either to some processes, drawn
    for a pool as `ProceduralData` draws them for `TrainConfig.processes`. `skip` leaves out the first `skip` val tasks
    (those `n=skip` would draw: the draw is the same prefix for every `n`), for a fresh set beside an earlier one.
    `families` keeps, of val tasks, those whose interruption is one of them (the same draw narrowed, so a task keeps its
    id and noise seed; empty: every family)."""
    from remind.core import latent_frames
    from remind.evaluate import eval_tasks
    from remind.world import INTERRUPTION_KINDS, WorldSpecError, make_task
    if table and train_seeds: raise ValueError(f"probe_tasks: table ({table}) and train_seeds ({train_seeds!r}) name two task sets; expected one")

    def recoverable(t):   # the latent frames given, or None where the recovery would start after the clip
        ev = t.clip.events[0]
        k = known_latents(ev.full_end)
        return k if 1 <= k < latent_frames(t.clip.n_frames) and ev.end < t.clip.n_frames else None

    if not train_seeds:   # val tasks or a table's: `families` keeps some of them
        keep = set(families.split(",")) if families else set(INTERRUPTION_KINDS)
        if bad := sorted(keep - set(INTERRUPTION_KINDS)):
            raise ValueError(f"probe_tasks families: unknown {bad}; expected some of {list(INTERRUPTION_KINDS)}")
    if table:
        from remind.experiment import results_tasks
        return [(t, k, i) for i, t in enumerate(results_tasks(table, processes=processes))
                if t.kind == "v2v" and t.clip.events and t.clip.events[0].kind in keep and (k := recoverable(t))]
    if train_seeds:
        from remind.graphs import build_frame_graph, FrameGraphError
        from remind.train import pool_interruptions, pool_interruption_weights, pool_processes, pool_overrides
        fams = pool_interruptions(families)      # None: 'all', the world's own draw (clean clips among them)
        weights = pool_interruption_weights(families)   # None unless the spec weighs its families
        procs = pool_processes(processes)
        a, b = map(int, train_seeds.split(":"))
        tasks = []
        for s in range(a, b):
            try: t = make_task(s, "v2v", "train", n_frames=45, height=64, width=64, **pool_overrides(s, fams, procs, weights))
            except WorldSpecError: continue     # no world for this seed and process: the pool skips it too
            if not t.clip.events: continue      # a clean clip of the pool: nothing to recover
            try: build_frame_graph(t.clip.n_frames, t.clip.events)
            except FrameGraphError: continue
            tasks.append(t)
    else:
        from remind.train import pool_processes
        procs = pool_processes(processes)       # None: every process; names checked
        tasks = eval_tasks(n, split=split, n_frames=45, height=64, width=64, kinds=("v2v",), interruptions=INTERRUPTION_KINDS,
                           processes=procs)[skip:]
    out = [(t, k) for t in tasks if (k := recoverable(t))]
    if train_seeds: return [(t, n, i) for i, (t, n) in enumerate(out)]
    return [(t, n, i) for i, (t, n) in enumerate(out) if t.clip.events[0].kind in keep]   # seed: the place in the whole draw


def known_latents(full_end: int) -> int:
    """Latent frames given to the model: every one whose video frames all come before `full_end` (the end of the fully
    hidden interval). Latent 0 is frame 0 and latent j >= 1 frames 4j - 3 .. 4j, so that is latents 0 .. (full_end - 1) // 4;
    the model draws from video frame `video_frames(n)` on, at most 3 frames of the hidden interval among them."""
    from remind.core import TEMPORAL_STRIDE
    return (full_end - 1) // TEMPORAL_STRIDE + 1


def carried_change(read, truth, event, rule, first: int) -> dict[str, float]:
    """Which way a recovery misses: `signed_error`, the mean signed error read - truth over the scored frames, and
    `carried` (`remind.metrics.carried_share`, which every record now carries too): the share of the truth's change
    since the interruption began that the recovery shows, 1 the truth, 0 a frozen state. Both NaN where the recovery is
    unreadable; `carried` also where the truth moved by at most twice the tolerance."""
    from remind.metrics import carried_share, recovery_frames
    read, truth = np.asarray(read, np.float64), np.asarray(truth, np.float64)
    idx = recovery_frames(read, event, first=first)
    if len(idx) == 0: return dict(signed_error=float("nan"), carried=float("nan"))
    return dict(signed_error=float(rule.delta(truth[idx], read[idx]).mean()), carried=carried_share(read, truth, event, rule, first=first))


def strip_frames(event, n_frames: int) -> list[int]:
    "The frames a strip shows: the last 2 before the interruption, its first, and the first 4 from its end (the scored recovery)."
    return [j for j in [event.start - 2, event.start - 1, event.start, *range(event.end, event.end + 4)] if 0 <= j < n_frames]


def save_strips(path: str, rows: list[tuple[np.ndarray, np.ndarray, list[int]]], scale: int = 2):
    """A PNG of the first tasks' recoveries: per task the truth through the codec above the drawn video, at `strip_frames`
    (`remind.graphs.frame_strip` lays out each row; rows of tasks with fewer frames are padded white)."""
    from PIL import Image
    from remind.core import atomic_path
    from remind.graphs import frame_strip
    lines = [frame_strip(v, sel) for t, d, sel in rows for v in (t, d)]
    width = max(x.shape[1] for x in lines)
    lines = [np.pad(x, ((0, 4 * (i % 2)), (0, width - x.shape[1]), (0, 0)), constant_values=255) for i, x in enumerate(lines)]   # a gap under each task
    img = Image.fromarray(np.concatenate(lines, 0))
    with atomic_path(path) as tmp: img.resize((img.width * scale, img.height * scale), Image.NEAREST).save(tmp, format="PNG")


def probe(name: str, ckpt: str, items, euler: int, window: int, history_guidance: float = 1.0, log=print, ema: bool = False,
          strips: str = "", n_strips: int = 8, anchor: bool = False, cameras: str = "true") -> list[dict]:
    """One record per task: progress / frozen / reset / abs_error of the recovery drawn after a true history, and which way it missed (`carried_change`).
    `strips`: write the first `n_strips` tasks' recoveries to this PNG (`save_strips`). `anchor`: record the recovery
    chunk's `anchor_share` (the table's instrument, `remind.kv_cache.KVImportance` over the drawing) and its `anchor_chance`.
    `cameras` 'still': every frame is given the first frame's camera, so the camera phase between any two frames is nil
    (PM-RoPE's Q/K phase and V/O residual see no motion); the clip and its true history are unchanged."""
    from remind.core import video_frames
    from remind.evaluate import load_model, encode_frames, decode_latents, read_task_state, rollout_inputs, is_plain_baseline, resolve_checkpoint
    from remind.kv_cache import KVImportance
    from remind.metrics import anchor_chance, anchor_share, state_progress, state_rule
    if cameras not in CAMERAS: raise ValueError(f"probe cameras: expected one of {CAMERAS}, got {cameras!r}")
    if name.endswith("codec") and (anchor or cameras != "true"):
        raise ValueError(f"probe {name!r}: the codec draws nothing, so it has no attention and no cameras; expected anchor=False, cameras='true'")
    lm = load_model(ckpt, ema=ema and not name.endswith("codec"))
    ckpt = resolve_checkpoint(ckpt)                            # a run folder's latest checkpoint, recorded as the folder it is
    m = lm.model
    policy = ({"window": window, "pin_anchors": False} if window else None) if is_plain_baseline(name, lm) else None
    out, rows, t0 = [], [], time.time()
    for t, n, i in items:
        ev = t.clip.events[0]
        truth = np.asarray(t.clip.state[t.state_var], np.float64)
        rule, first = state_rule(t), video_frames(n)           # the first drawn frame (<= full_end <= end: scoring starts at end)
        gt = encode_frames(t.clip.frames, lm)
        if name.endswith("codec"):
            read = read_task_state(decode_latents(gt, lm), t)
        else:
            kw = rollout_inputs(lm, t, euler, "euler", seed=i, cache_policy=policy, history_guidance=history_guidance)
            kw["context"] = gt[:, :, :n].to(m.device)          # a partial last chunk is fine: rollout draws its unknown frames
            if cameras == "still": kw["cameras"] = kw["cameras"][:, :1].expand_as(kw["cameras"]).clone()
            imp = KVImportance(reduce="mean") if anchor else None
            with torch.no_grad(): lat = m.rollout(**kw, importance=imp)
            video = decode_latents(torch.cat([gt[:, :, :n], lat[:, :, n:].cpu()], 2), lm)
            read = read_task_state(video, t)
            if strips and len(rows) < n_strips: rows.append((decode_latents(gt, lm), video, strip_frames(ev, len(truth))))
        rec = state_progress(read, truth, ev, rule, first=first)
        rec.update(carried_change(read, truth, ev, rule, first))
        if anchor:
            rec.update(anchor_share=anchor_share(*imp.matrix(), ev, m.chunk) if imp.recorded_layers() else float("nan"),
                       anchor_chance=anchor_chance(ev, m.chunk))
        if cameras != "true": rec["cameras"] = cameras
        out.append(dict(variant=name, checkpoint=str(ckpt), task=t.id, process=t.spec.process, interruption=ev.kind,
                        first_drawn=int(first), hidden=int(ev.full_end - ev.full_start),
                        cache="rolling" if policy else "all-history", history_guidance=history_guidance,
                        weights="ema" if lm.id.endswith("/ema") else "model", **rec))
    if rows: save_strips(strips, rows)
    log(f"{name}: {len(items)} tasks in {time.time() - t0:.0f}s ({'rolling window ' + str(window) if policy else 'all-history'}"
        + (f", history guidance {history_guidance}" if history_guidance != 1 else "") + ")")
    return out


def with_nan(r: dict) -> dict:
    "A record as read from JSON, its undefined rates and unreadable recoveries (written as None) NaN again, in place."
    for k in ("frozen", "reset", "abs_error", "signed_error", "carried", "anchor_share", "anchor_chance"):
        if k in r and r[k] is None: r[k] = float("nan")
    return r


def readable(r: dict) -> bool:
    "Whether the reader found the object in the recovery (`abs_error` is NaN where it did not)."
    return r["abs_error"] == r["abs_error"]


def summary(records: list[dict]) -> dict:
    "Progress / frozen / reset with Wilson 95% intervals, the readable share, what the readable recoveries are, progress and readable share by family."
    from remind.metrics import wilson_ci
    s = {"n": len(records)}
    for k in ("progress", "frozen", "reset"):
        m, lo, hi, n = wilson_ci([r[k] for r in records], clusters=[r["task"] for r in records])   # pooled seeds: tasks count
        s[k] = dict(rate=round(m, 3), lo=round(lo, 3), hi=round(hi, 3), n=n)
    seen = [r for r in records if readable(r)]
    s["readable"] = round(len(seen) / max(len(records), 1), 3)
    s["readable_split"] = dict(within=int(sum(r["progress"] for r in seen)), frozen=int(sum(r["frozen"] == 1 for r in seen)),
                               reset=int(sum(r["reset"] == 1 for r in seen)), of=len(seen))
    s["median_abs_error"] = round(float(np.median([r["abs_error"] for r in seen])), 3) if seen else None
    moved = [r for r in seen if r.get("carried", float("nan")) == r.get("carried", float("nan"))]   # defined (older records lack it)
    if moved:
        q = np.quantile([r["carried"] for r in moved], [0.25, 0.5, 0.75])
        miss = [r["carried"] for r in moved if not r["progress"]]
        s["carried"] = dict(n=len(moved), q25=round(float(q[0]), 3), median=round(float(q[1]), 3), q75=round(float(q[2]), 3),
                            misses_short=sum(c < 1 for c in miss), misses_over=sum(c > 1 for c in miss))
    fam: dict[str, list] = {}
    for r in records: fam.setdefault(r["interruption"], []).append(r)
    s["progress_by_family"] = {k: round(float(np.mean([r["progress"] for r in v])), 3) for k, v in sorted(fam.items())}
    s["readable_by_family"] = {k: round(float(np.mean([readable(r) for r in v])), 3) for k, v in sorted(fam.items())}
    return s


def by_process(records: list[dict]) -> dict[str, dict]:
    "`summary` of each process's records."
    return {p: summary([r for r in records if r["process"] == p]) for p in sorted({r["process"] for r in records})}


def paired_difference(a: list[dict], b: list[dict], key: str = "progress", n_boot: int = 10_000, seed: int = 0) -> dict:
    """`b` minus `a` in percentage points over the tasks both scored (each variant's records averaged per task, so pooled
    seeds count a task once), with a percentile bootstrap 95% interval over tasks. For `readable`, a record counts 1 where
    its recovery was read."""
    def per_task(rs):
        d: dict[str, list] = {}
        for r in rs: d.setdefault(r["task"], []).append(float(readable(r)) if key == "readable" else float(r[key]))
        return {t: float(np.mean(v)) for t, v in d.items()}
    pa, pb = per_task(a), per_task(b)
    tasks = [t for t in pa if t in pb]
    if not tasks: raise SystemExit("recovery_probe --paired: the two variants share no task")
    from remind.metrics import bootstrap_ci
    mean, lo, hi, n = bootstrap_ci(np.array([pb[t] - pa[t] for t in tasks]) * 100, n_boot=n_boot, seed=seed)
    return dict(n=n, diff=round(mean, 1), lo=round(lo, 1), hi=round(hi, 1))   # n: tasks with the key defined on both sides


def summarize_files(paths, out: str = "", processes: bool = False, paired=()) -> dict:
    """Summaries of every variant in record files, plus each group of seeds pooled ('remind-s0-hg2', 'remind-s1-hg2' -> 'remind-hg2 (seeds 0, 1)');
    `processes`: each variant by process too; `paired`: (A, B) variant names, B minus A task by task (progress and readable)."""
    import re
    recs = [with_nan(json.loads(line)) for p in paths for line in open(p) if line.strip()]
    by: dict[str, list] = {}
    for r in recs: by.setdefault(r["variant"], []).append(r)
    groups: dict[str, list[str]] = {}
    for v in by:
        m = re.fullmatch(r"(.+?)-s(\d+)((?:-.+)?)", v)       # NAME-sN or NAME-sN-SUFFIX
        if m: groups.setdefault((m.group(1), m.group(3)), []).append(m.group(2))
    for (g, suffix), seeds in groups.items():
        if len(seeds) > 1: by[f"{g}{suffix} (seeds {', '.join(seeds)})"] = [r for sd in seeds for r in by[f"{g}-s{sd}{suffix}"]]
    res = {v: summary(rs) for v, rs in by.items()}
    for v, s in res.items():
        p, rs = s["progress"], s["readable_split"]
        print(f"| {v} | {s['n']} | {p['rate']:.0%} [{p['lo']:.0%}, {p['hi']:.0%}] | {s['readable']:.0%} | "
              f"{rs['within']} / {rs['frozen']} / {rs['reset']} / {rs['of']} |"
              + (f" carried {s['carried']['median']:.2f} [{s['carried']['q25']:.2f}, {s['carried']['q75']:.2f}], misses short / over "
                 f"{s['carried']['misses_short']} / {s['carried']['misses_over']} |" if "carried" in s else ""))
    if processes:
        for v, rs in by.items():
            res[v]["by_process"] = bp = by_process(rs)
            print(f"{v}: " + ", ".join(f"{p} {d['progress']['rate']:.0%} (read {d['readable']:.0%}; "
                                       f"{'/'.join(str(d['readable_split'][k]) for k in ('within', 'frozen', 'reset'))} of {d['n']})"
                                       for p, d in bp.items()))
    pairs = {}
    for a, b in paired:
        for v in (a, b):
            if v not in by: raise SystemExit(f"recovery_probe --paired: no variant {v!r} in {', '.join(map(str, paths))}; variants: {', '.join(by)}")
        pairs[f"{b} - {a}"] = d = {k: paired_difference(by[a], by[b], k) for k in ("progress", "readable")}
        print(f"{b} minus {a}, {d['progress']['n']} tasks: progress {d['progress']['diff']:+.1f} [{d['progress']['lo']:+.1f}, "
              f"{d['progress']['hi']:+.1f}] points, readable {d['readable']['diff']:+.1f} [{d['readable']['lo']:+.1f}, {d['readable']['hi']:+.1f}]")
    if out:
        import shlex
        from remind.core import write_json_atomic
        how = {r["variant"]: {k: r.get(k) for k in ("checkpoint", "cache", "history_guidance", "weights") if k in r} for r in recs}
        cmd = ("python bench/recovery_probe.py --summarize " + " ".join(map(str, paths)) + (" --by-process" if processes else "")
               + "".join(f" --paired {shlex.quote(a)} {shlex.quote(b)}" for a, b in paired) + f" --out {out}")
        write_json_atomic(out, {"command": cmd,
                                "checkpoints": how, "variants": res} | ({"paired": pairs} if pairs else {}))
    return res


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("checkpoints", nargs="+", help="name=path (a name ending in 'codec' scores the checkpoint's codec: the ceiling); "
                    "with --summarize: record files")
    ap.add_argument("--tasks", type=int, default=200, help="interrupted V2V val tasks drawn (a few are left out, see above)")
    ap.add_argument("--euler", type=int, default=12)
    ap.add_argument("--baseline-window", type=int, default=1, help="rolling window (chunks) of the plain baselines; 0: the whole history")
    ap.add_argument("--train-seeds", default="", help="a:b: the clips of a training pool (seeds a..b-1 of the train split) instead of val tasks")
    ap.add_argument("--families", default="camera_loop,light_toggle,occluder,zoom", help="with --train-seeds: the pool's interruptions; "
                    "of val tasks: keep those with one of these (default: all four, every task)")
    ap.add_argument("--processes", default="all", help="only these processes (comma list), for val tasks and pools alike")
    ap.add_argument("--history-guidance", type=float, default=1.0, help="history guidance weight of every drawn chunk (1: off)")
    ap.add_argument("--ema", action="store_true", help="score the runs' EMA weights (TrainConfig.ema) instead of their weights")
    ap.add_argument("--summarize", action="store_true", help="summarise record files (seeds named NAME-sN pooled) as table rows")
    ap.add_argument("--out", default="", help="with --summarize: write the summaries here (JSON)")
    ap.add_argument("--by-process", action="store_true", help="with --summarize: each variant by process too")
    ap.add_argument("--paired", nargs=2, action="append", default=[], metavar=("A", "B"),
                    help="with --summarize: B minus A task by task, bootstrap 95%% interval over tasks (repeatable)")
    ap.add_argument("--skip", type=int, default=0, help="leave out the first SKIP val tasks: --tasks 160 --skip 80 scores "
                    "the 80 tasks after those of --tasks 80 (a fresh set, for a figure chosen on the first)")
    ap.add_argument("--table", type=int, default=0, metavar="N", help="instead of val tasks: the interrupted V2V tasks among "
                    "the results table's first N test tasks (09_results' n_tasks, with --processes as its processes), ids as the table's; "
                    "--tasks is then unused")
    ap.add_argument("--records", default="", help="append one JSON line per checkpoint and task here")
    ap.add_argument("--strips", default="", help="a folder: write NAME.png there per checkpoint, the first --n-strips tasks' "
                    "recoveries (truth through the codec above the drawn video; 2 frames before the interruption, its first, 4 after its end)")
    ap.add_argument("--n-strips", type=int, default=8)
    ap.add_argument("--anchor", action="store_true", help="record each recovery chunk's anchor share and its chance level (bench/anchor_phase.py reads them)")
    ap.add_argument("--cameras", choices=CAMERAS, default="true", help="'still': every frame at the first frame's camera (the camera phase nil)")
    args = ap.parse_args(argv)
    if args.summarize:
        summarize_files(args.checkpoints, args.out, args.by_process, args.paired); return
    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "1")))
    if args.skip and (args.train_seeds or not 0 <= args.skip < args.tasks):
        raise SystemExit(f"recovery_probe: --skip expects val tasks and 0 <= skip < --tasks ({args.tasks}), got {args.skip}")
    if args.table and (args.train_seeds or args.skip):
        raise SystemExit(f"recovery_probe: --table {args.table} is its own task set; expected no --train-seeds or --skip, "
                         f"got --train-seeds {args.train_seeds!r} --skip {args.skip}")
    items = probe_tasks(args.tasks, train_seeds=args.train_seeds, families=args.families, processes=args.processes, skip=args.skip,
                        table=args.table)
    what = (f"train-pool clips {args.train_seeds}" if args.train_seeds else
            f"test tasks of the results table's first {args.table}" if args.table else "val tasks")
    print(f"{len(items)} interrupted V2V {what}, Euler x {args.euler}")
    for spec in args.checkpoints:
        name, _, path = spec.partition("=")
        if not path: raise SystemExit(f"recovery_probe: expected name=path, got {spec!r}")
        if args.strips: os.makedirs(args.strips, exist_ok=True)
        recs = probe(name, path, items, args.euler, args.baseline_window, args.history_guidance, ema=args.ema,
                     strips=os.path.join(args.strips, f"{name}.png") if args.strips else "", n_strips=args.n_strips,
                     anchor=args.anchor, cameras=args.cameras)
        if args.records:
            with open(args.records, "a") as f:
                for r in recs: f.write(json.dumps({k: (None if v != v else v) for k, v in r.items()}) + "\n")
        print(name, json.dumps(summary(recs)))


if __name__ == "__main__":
    sys.exit(main())
