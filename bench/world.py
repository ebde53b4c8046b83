"""How fast the procedural world renders (and reads back) clips.

Run: OMP_NUM_THREADS=1 python bench/world.py [--n 1000] [--workers 2] [--frames 81] [--size 64]
Renders clips `sample_spec(0 .. n-1)` of the train split (all six processes, the four interruption families and
clean controls, as sampled) with `--workers` processes, and prints the wall-clock time of the whole batch; then the
CPU time per clip in this process (time.process_time) for 100 clips at 64x64 and 128x128, and of the state reader.
On a shared machine the wall clock includes waiting for a core: the load average is printed beside it.
"""
import argparse, os, time
from multiprocessing import Pool

import numpy as np

from remind.world import read_state, render_clip, sample_spec


def _render(args):
    i, frames, size = args
    c = render_clip(sample_spec(i, n_frames=frames, height=size, width=size))
    return c.frames.nbytes + c.depth.nbytes


def cpu_per_clip(n, frames, size, read=False):
    "Mean CPU seconds per clip (and per reading) in this process."
    clips, t = [], time.process_time()
    for i in range(n): clips.append(render_clip(sample_spec(i, n_frames=frames, height=size, width=size)))
    render = (time.process_time() - t) / n
    if not read: return render, None
    t = time.process_time()
    for c in clips: read_state(c)
    return render, (time.process_time() - t) / n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--frames", type=int, default=81)
    ap.add_argument("--size", type=int, default=64)
    a = ap.parse_args()
    load = os.getloadavg()[0]
    t = time.perf_counter()
    with Pool(a.workers) as pool:
        nbytes = sum(pool.imap_unordered(_render, [(i, a.frames, a.size) for i in range(a.n)], chunksize=8))
    wall = time.perf_counter() - t
    print(f"{a.n} clips {a.size}x{a.size} x {a.frames} frames, {a.workers} worker processes: {wall:.1f} s wall "
          f"({a.n / wall:.1f} clips/s; {nbytes / 2**20:.0f} MiB of frames + depth; load average before {load:.1f}, "
          f"after {os.getloadavg()[0]:.1f})")
    for size in (64, 128):
        r, q = cpu_per_clip(100, a.frames, size, read=size == 64)
        print(f"cpu per clip, {size}x{size} x {a.frames} frames (100 clips, 1 process): render {r * 1e3:.1f} ms"
              + (f", read_state {q * 1e3:.1f} ms" if q is not None else ""))


if __name__ == "__main__":
    main()
