"""Clips per second of the data build without the VAE (remind.data.build_shards with the PatchCodec).

Writes N synthetic source videos (854x480, 30 fps, 6 s, H.264; not timed), then builds them into shards at
64x64 and at 480x832 (81 frames at 16 fps each), with the heuristic judge, interruption augmentation,
the 16-channel PatchCodec and no text encoder. Prints clips/s per target size, and the share of the time
spent reading + normalising (decode) measured separately, and the process CPU time per clip (less sensitive
than wall time to other load on a shared machine).

    OMP_NUM_THREADS=1 python bench/data_build.py [--n 6] [--workdir /tmp/remind_bench]
"""
import argparse, shutil, tempfile, time
from pathlib import Path

import numpy as np

from remind.data import (BuildConfig, ClipFormat, HeuristicJudge, KeepPolicy, PatchCodec, VideoFolder, build_shards,
                         load_video_clip, synthetic_frames, write_video)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=6, help="source videos")
    ap.add_argument("--workdir", default=None)
    a = ap.parse_args()
    work = Path(a.workdir or tempfile.mkdtemp(prefix="remind_bench_"))
    src = work / "src"
    src.mkdir(parents=True, exist_ok=True)
    for i in range(a.n):
        p = src / f"clip{i:03d}.mp4"
        if not p.exists(): write_video(p, synthetic_frames(180, 480, 854, seed=i, square=96, speed=3.0), fps=30)
    print(f"{a.n} sources: 854x480, 30 fps, 180 frames (6 s), H.264; build: 81 frames @ 16 fps, heuristic judge, "
          f"augmentation, PatchCodec(16), no text encoder")
    for h, w in ((64, 64), (480, 832)):
        fmt = ClipFormat(81, 16.0, h, w)
        out = work / f"shards_{h}x{w}"
        shutil.rmtree(out, ignore_errors=True)
        t0 = time.perf_counter()
        for p in sorted(src.glob("*.mp4")): load_video_clip(p, fmt)
        t_read = time.perf_counter() - t0
        t0, c0 = time.perf_counter(), time.process_time()
        rep = build_shards(VideoFolder(src), out, BuildConfig(fmt=fmt, shard_size=4, p_clean=0.25), PatchCodec(),
                           judge=HeuristicJudge(), policy=KeepPolicy(min_occupancy=0.0, min_visible_fraction=0.0), log=None)
        t, cpu = time.perf_counter() - t0, time.process_time() - c0
        assert rep.n_samples == a.n, (rep.n_samples, rep.skipped, rep.rejected)
        size = sum(f.stat().st_size for f in out.glob("*.safetensors")) / a.n / 2**20
        print(f"{h}x{w}: {a.n / t:.2f} clips/s ({t / a.n:.2f} s/clip; read+normalise alone {t_read / a.n:.2f} s/clip, "
              f"{100 * t_read / t:.0f}%); CPU {cpu / a.n:.2f} s/clip; {size:.2f} MiB/sample on disk")
    if a.workdir is None: shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
