"""Where does a task's recovery fall among its latent chunks? The chunk layout of the interrupted held-out tasks.

    python bench/recovery_layout.py                      # the 225 test tasks of the results table
    python bench/recovery_layout.py --split val --tasks 40 --rows   # and one line per task (g given, o observed, . hidden)

For every interrupted task it finds three chunks: the one that holds the end of the fully hidden interval
(`event.full_end`, the frontier of `v2v_frontier(frontier="hidden_end")`), the recovery node (the frame graph's first
clean chunk after the degraded interval, the paper's frontier) and the chunks of the frames the table scores
(`remind.metrics.recovery_frames` on the truth: the first 4 frames from `event.end` on where the object is observed).
It counts the tasks whose scored frames lie wholly before the recovery node, partly, or not at all. In 45-frame clips
(4 chunks of 3 latent frames) most lie wholly before it, in the last degraded chunk: a cache that holds that chunk's
true latents shows the model the recovered state it is asked to continue.
"""
from __future__ import annotations

import argparse
import collections

import numpy as np


def layout(t, chunk: int = 3) -> dict:
    "The chunks of one interrupted task's hidden end, recovery node and scored frames (recovery node None: no clean chunk after)."
    from remind.core import frame_to_chunk
    from remind.graphs import degraded_frames, recovery_chunk
    from remind.metrics import recovery_frames
    ev = t.clip.events[0]
    # the curriculum's recovery rule alone: event_nodes also insists on a clean anchor, which some evaluation tasks
    # (an interruption from frame 7) lack
    rec = recovery_chunk(ev, t.clip.n_frames, degraded_frames(t.clip.n_frames, t.clip.events), chunk)
    seen = np.asarray(t.clip.state["observed"], bool)
    read = np.where(seen, 0.0, np.nan)                     # the truth's visibility stands for a reading
    scored = sorted({frame_to_chunk(int(f), chunk) for f in recovery_frames(read, ev)})
    return dict(hidden_end=frame_to_chunk(ev.full_end, chunk), recovery=rec, scored=scored)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="test")
    ap.add_argument("--tasks", type=int, default=225)
    ap.add_argument("--rows", action="store_true", help="one line per interrupted task: its frames chunk by chunk")
    args = ap.parse_args(argv)
    from remind.core import frame_to_chunk
    from remind.evaluate import eval_tasks
    tasks = [t for t in eval_tasks(args.tasks, split=args.split, n_frames=45, height=64, width=64) if t.spec.interruption]
    where, pairs = collections.Counter(), collections.Counter()
    for t in tasks:
        L = layout(t)
        rec = L["recovery"] if L["recovery"] is not None else 10 ** 9
        before = sum(c < rec for c in L["scored"])
        where["wholly before the recovery node" if before == len(L["scored"]) else "partly" if before else "not before it"] += 1
        pairs[(L["hidden_end"], L["recovery"])] += 1
        if args.rows:
            seen = np.asarray(t.clip.state["observed"], bool)
            per = ["".join("g" if f < t.n_cond else "o" if seen[f] else "." for f in range(t.clip.n_frames) if frame_to_chunk(f, 3) == c)
                   for c in range(4)]
            print(f"{t.id:42s} hidden end {L['hidden_end']}  recovery {L['recovery']}  scored {L['scored']}  " + " | ".join(per))
    print(f"{len(tasks)} interrupted {args.split} tasks; the scored frames lie: " + ", ".join(f"{k} {v}" for k, v in where.most_common()))
    print("(hidden-end chunk, recovery node): " + ", ".join(f"{k} {v}" for k, v in sorted(pairs.items(), key=lambda kv: -kv[1])))


if __name__ == "__main__":
    main()
