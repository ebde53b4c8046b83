"""Cost of building a frame graph and of one interruption augmentation per family on an 81-frame 480x832 clip.

Run: OMP_NUM_THREADS=1 python bench/graphs.py [--repeat 3]
Prints one line per measurement: best of `--repeat` runs, CPU time of this process (time.process_time) and
wall-clock time (time.perf_counter); on a shared machine the wall clock includes waiting for a core.
"""
import argparse, time

import numpy as np
import skimage.data

from remind.core import INTERRUPTION_KINDS
from remind.graphs import augment, build_frame_graph, clip_graph, pan_clip


def best(fn, repeat):
    "(cpu, wall) seconds: the best of `repeat` runs of `fn`."
    cpu, wall = [], []
    for _ in range(repeat):
        c, w = time.process_time(), time.perf_counter(); fn()
        cpu.append(time.process_time() - c); wall.append(time.perf_counter() - w)
    return min(cpu), min(wall)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--frames", type=int, default=81)
    ap.add_argument("--height", type=int, default=480)
    ap.add_argument("--width", type=int, default=832)
    a = ap.parse_args()
    t = time.perf_counter()
    clip = pan_clip(skimage.data.astronaut(), n_frames=a.frames, height=a.height, width=a.width)
    print(f"clip: {a.frames} frames {a.height}x{a.width} (pan_clip built in {time.perf_counter() - t:.2f} s)")
    window = (20, 26, 40, 46)   # 26 degraded frames, 14 fully interrupted
    c, w = best(lambda: (clip.frames.copy(), clip.depth.copy()), a.repeat)
    print(f"baseline: copy frames + depth  {'':16s}: cpu {c * 1e3:7.1f} ms  wall {w * 1e3:7.1f} ms  (the output arrays alone)")
    outs = {}
    for kind in INTERRUPTION_KINDS:
        outs[kind] = augment(clip, kind, np.random.default_rng(0), window=window)[0]
        c, w = best(lambda: augment(clip, kind, np.random.default_rng(0), window=window), a.repeat)
        print(f"augment {kind:<13s} window {window}: cpu {c * 1e3:7.1f} ms  wall {w * 1e3:7.1f} ms")
    n = 2000
    evs = outs["occluder"].events + augment(outs["occluder"], "light_toggle", np.random.default_rng(1))[0].events[-1:]
    for name, fn in [("build_frame_graph, 1 event ", lambda: clip_graph(outs["occluder"])),
                     ("build_frame_graph, 2 events", lambda: build_frame_graph(a.frames, evs)),
                     ("build + to_dict, 1 event   ", lambda: clip_graph(outs["occluder"]).to_dict())]:
        c, w = best(lambda: [fn() for _ in range(n)], a.repeat)
        print(f"{name}: cpu {c / n * 1e6:7.1f} us  wall {w / n * 1e6:7.1f} us")


if __name__ == "__main__":
    main()
