"""The world experiment at GPU scale, inside one short device lease: an all-process world base with several times the
shipped base's samples, then the ReMind and baseline fine-tunes, from it and from the shipped base, side by side.

On the 2-core CPU the all-process base (4,000 x 8 samples) took 85 minutes and a 1,000 x 4 fine-tune 15-19; the
question they left (README, "Next") is whether a base that has seen several times the samples per process, and
fine-tunes many times longer, carry hidden states on every process as the inflate-only line does on one. That is a
GPU run. Two phases, each one `device` call; everything the CPU scores later comes back as a few files:

    python bench/gpu_world.py base     --deadline 330   # calibrate, pool, train the base to a cosine end, export
    python bench/gpu_world.py finetune --deadline 330   # 4 arms at once on one GPU, stopped together, equal steps
    python bench/gpu_world.py base --smoke --deadline 120 && python bench/gpu_world.py finetune --smoke --deadline 150

Phase `base`: recipe "base" continued from the shipped `models/world-base` (every process, clean clips and the
camera families), `batch` 64, a cosine from `lr` to 0 over as many steps as the deadline leaves, measured by a
40-step calibration run first. Phase `finetune`: recipes "remind" and "baseline" (seed 0), each from the GPU base and
from the shipped base, at a constant rate with EMA weights, all four started together and stopped together at the
deadline (less `--margin`); every arm is exported at the largest step all four checkpointed (equal steps), with its EMA weights.
Files under `--export` (default `$OUT`): one tar per model folder (`model.safetensors` + `state.json`), the runs'
metrics, and `gpu_world_<phase>.json` (rates, steps, wall times). `--smoke` runs the same code at toy sizes (on a machine without a GPU: the script's own test).

What ran (2026-12-04, one H200, 15 device minutes in all): phase `base` twice. The first try stopped in the pool (a
tensor returned by a forked renderer travels as a file descriptor, and 12 workers ran out of them; fixed in
`ProceduralData._pool`) after a calibration with FlexAttention at 4.4 steps/s; the second (`--batch 64 --lr 6e-4
--deadline 415`, SDPA) ran 1,182 steps x 64 = 75,648 samples at 4.5 steps/s, the same rate at batch 48 and 64 and
with FlexAttention at batch 48 as with SDPA at batch 64: not FLOPs-bound (two changes at once, so not which).
The run's training took 359 s of wall against about 335 planned and ended at 414 s of the 415: the pool estimate
now adds 40 s for start-up, validation and checkpoints, and the base phase stops `--margin` before the deadline.
Phase `finetune` did not run (the device minutes were spent); the fine-tunes from the GPU base ran on the CPU. It
starts from this lease's GPU base, else the shipped `models/world-base-gpu`. Its default batch (64) is the base's
measured one; the flat rate says a larger one costs little, untested.

The working tree that travels to the device must stay under 64 MiB, and the shipped models alone now hold about 63:
for a call, move `models/world-baseline`, `models/world-remind` and the `bench/results*` folders out of the tree and
back after (this session did so), and carry the wheels (`carry=[".whl"]`).
Figures: `bench/results-gpu/`, `bench/README.md` ("An all-process base on a GPU").
"""
from __future__ import annotations

import argparse, json, os, shutil, signal, subprocess, sys, tarfile, time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
T0 = time.time()


def log(msg: str):
    print(f"[{time.time() - T0:6.1f}s] {msg}", flush=True)


def config_file(root: Path, name: str, recipe: str, **over) -> Path:
    "Write recipe `recipe`'s validated config (with `over`) for run `root/name`; returns its path (launched by `launch`, not by the command it returns)."
    from remind.experiment import recipe_command
    p = root / f"{name}.json"
    recipe_command(recipe, p, out_dir=str(root / name), progress=False, **over)
    return p


def sdpa_model(cfg):
    """The run's model with SDPA attention under its frame mask. On CUDA `CausalWan`'s 'auto' picks FlexAttention,
    compiled per shape, and this 4 M-parameter model's sequence lengths vary with the curriculum's regimes (16 tokens a
    frame: a dense mask costs nothing). The calibrations ran at 4.39 steps/s with Flex at batch 48 and 4.47 with SDPA
    at batch 64: two changes at once, so they do not separate the attention from the batch."""
    from remind.train import build_model
    m = build_model(cfg)
    m.backend = "sdpa"
    return m


def train_one(cfg_path: str):
    from remind.train import TrainConfig, train
    train(TrainConfig.from_dict(json.loads(Path(cfg_path).read_text())), model_factory=sdpa_model)


def launch(cfg_path: Path, logf: Path, threads: int = 1) -> subprocess.Popen:
    env = dict(os.environ, OMP_NUM_THREADS=str(threads), PYTHONUNBUFFERED="1")
    return subprocess.Popen([sys.executable, __file__, "_train", str(cfg_path)], cwd=REPO, env=env,
                            stdout=open(logf, "w"), stderr=subprocess.STDOUT, start_new_session=True)


def stop(p: subprocess.Popen):
    if p.poll() is None:
        os.killpg(p.pid, signal.SIGTERM)
        try: p.wait(20)
        except subprocess.TimeoutExpired: os.killpg(p.pid, signal.SIGKILL); p.wait()


def wait_all(procs: dict, deadline: float | None = None) -> dict:
    "Wait for every process (or until `deadline`, then stop the rest); returns {name: 'done' | 'failed (rc)' | 'stopped'}."
    out = {}
    while len(out) < len(procs):
        for k, p in procs.items():
            if k not in out and p.poll() is not None: out[k] = "done" if p.returncode == 0 else f"failed ({p.returncode})"
        if deadline is not None and time.time() > deadline:
            for k, p in procs.items():
                if k not in out: stop(p); out[k] = "stopped"
        time.sleep(1)
    return out


def rate(run: Path, a: int = 10) -> float:
    "Steps per second of a run between its step `a` and its last logged step (`metrics.jsonl`)."
    from remind.train import read_metrics
    m = [r for r in read_metrics(run) if "elapsed_s" in r]
    if len(m) < 2: return float("nan")
    first = next((r for r in m[:-1] if r["step"] >= a), m[0])   # a run shorter than `a` steps: from its first step
    return (m[-1]["step"] - first["step"]) / max(1e-6, m[-1]["elapsed_s"] - first["elapsed_s"])


def pack(model_dir: Path, dest: Path) -> Path:
    "One tar of an exported model folder (the device returns at most 8 files)."
    with tarfile.open(dest, "w") as t: t.add(model_dir, arcname=model_dir.name)
    return dest


def checkpoints(run: Path) -> dict[int, Path]:
    from remind.train import CKPT_DIR, checkpoint_damage
    return {int(p.name[5:]): p for p in (run / CKPT_DIR).glob("step_*") if p.is_dir() and checkpoint_damage(p) is None}


def phase_base(a, root: Path, export: Path, rec: dict):
    from remind.train import checkpoint_step, export_model, latest_checkpoint
    over = dict(init="world-base", batch=a.batch, lr=a.lr, warmup=a.warmup, lr_schedule="cosine", nproc=1, precision=a.precision,
                num_workers=a.workers, n_val_clips=8, seed=0)
    cal = config_file(root, "calib-base", "base", **{**over, "n_clips": 64, "steps": a.calib_steps, "ckpt_every": 0, "val_every": 0, "n_val_clips": 0})
    log(f"calibration: {a.calib_steps} steps, batch {a.batch}")
    st = wait_all({"calib": launch(cal, root / "calib-base.log")}, deadline=T0 + a.deadline)
    if st["calib"] != "done": raise SystemExit(f"calibration {st}: {(root / 'calib-base.log').read_text()[-3000:]}")
    r = rate(root / "calib-base")
    pool_s = a.n_clips / (a.render_rate * a.workers) + 40         # the pool, plus start-up, validation and checkpoints
    left = T0 + a.deadline - time.time() - pool_s - a.margin
    steps = max(a.min_steps, int(r * left))
    rec.update(calib_steps_per_s=r, pool_estimate_s=pool_s, steps=steps, batch=a.batch, n_clips=a.n_clips, lr=a.lr)
    log(f"calibrated {r:.2f} steps/s; pool estimate {pool_s:.0f} s; training {steps} steps x {a.batch} = {steps * a.batch} samples")
    cfg = config_file(root, "base", "base", **{**over, "n_clips": a.n_clips, "steps": steps, "ckpt_every": max(1, steps // 4),
                                               "val_every": max(1, steps // 4), "keep_checkpoints": 2})
    t = time.time()
    st = wait_all({"base": launch(cfg, root / "base.log")}, deadline=T0 + a.deadline - a.margin)
    rec.update(status=st["base"], train_wall_s=time.time() - t)
    ck = latest_checkpoint(root / "base")
    if ck is None: raise SystemExit(f"base: no checkpoint ({st}): {(root / 'base.log').read_text()[-3000:]}")
    rec.update(exported_step=checkpoint_step(root / "base"), steps_per_s=rate(root / "base"))
    out = export_model(ck, root / "world-base-gpu", gpu_world={k: v for k, v in rec.items() if k != "files"})
    rec["files"] = [str(pack(out, export / "world-base-gpu.tar"))]
    shutil.copyfile(root / "base" / "metrics.jsonl", export / "base-metrics.jsonl")
    log(f"base: {st['base']}, step {rec['exported_step']}, {rec['steps_per_s']:.2f} steps/s")


def phase_finetune(a, root: Path, export: Path, rec: dict):
    from remind.train import export_model
    gpu_base = root / "world-base-gpu"                    # this lease's phase 'base', else the shipped one
    base_rel = (str(gpu_base.relative_to(REPO)) if gpu_base.is_relative_to(REPO) else str(gpu_base)) if (gpu_base / "state.json").is_file() \
        else "world-base-gpu"
    arms = {"remind-gpubase-s0": ("remind", base_rel), "baseline-gpubase-s0": ("baseline", base_rel),
            "remind-shipped-s0": ("remind", "world-base"), "baseline-shipped-s0": ("baseline", "world-base")}
    procs = {}
    for name, (recipe, init) in arms.items():
        extra = dict(delta_after=a.delta_after) if recipe == "remind" else dict(delta_after=10**9)   # the baseline: flow matching only
        cfg = config_file(root, name, recipe, init=init, seed=0, batch=a.batch, lr=a.lr, warmup=a.warmup, lr_schedule="constant",
                          ema=a.ema, n_clips=a.n_clips, n_val_clips=8, steps=10**6, ckpt_every=a.ckpt_every, val_every=a.ckpt_every * 4,
                          keep_checkpoints=10**4, precision=a.precision, num_workers=a.workers, **extra)
        procs[name] = launch(cfg, root / f"{name}.log")
    log(f"{len(procs)} arms started: batch {a.batch}, lr {a.lr} constant, EMA {a.ema}, {a.n_clips} clips each; stop at {a.deadline} s")
    st = wait_all(procs, deadline=T0 + a.deadline - a.margin)
    have = {n: checkpoints(root / n) for n in arms}
    common = sorted(set.intersection(*(set(h) for h in have.values())))
    if not common: raise SystemExit(f"finetune: no step checkpointed by every arm ({ {n: sorted(h) for n, h in have.items()} }; {st})")
    step = common[-1]
    rec.update(status=st, exported_step=step, batch=a.batch, n_clips=a.n_clips, lr=a.lr, ema=a.ema, delta_after=a.delta_after,
               steps_reached={n: max(h) if h else 0 for n, h in have.items()}, steps_per_s={n: rate(root / n) for n in arms})
    rec["files"] = []
    for n in arms:
        out = export_model(have[n][step], root / n / "export" / n, ema=True, gpu_world=dict(phase="finetune", step=step, arm=n))
        rec["files"].append(str(pack(out, export / f"{n}.tar")))
    with tarfile.open(export / "finetune-metrics.tar", "w") as t:
        for n in arms: t.add(root / n / "metrics.jsonl", arcname=f"{n}-metrics.jsonl")
    log(f"exported every arm at step {step} (reached: {rec['steps_reached']})")


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_train"]: return train_one(argv[1])
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("phase", choices=["base", "finetune"])
    p.add_argument("--root", default="runs/gpu", help="run folder (the GPU base is exported to ROOT/world-base-gpu)")
    p.add_argument("--export", default=os.environ.get("OUT", "runs/gpu/out"), help="where the returned files go ($OUT on the device)")
    p.add_argument("--deadline", type=float, default=330, help="seconds from start by which the phase has written its files")
    p.add_argument("--margin", type=float, default=25, help="seconds kept for exporting")
    p.add_argument("--smoke", action="store_true", help="CPU, toy sizes: the script's own test")
    p.add_argument("--batch", type=int); p.add_argument("--lr", type=float); p.add_argument("--n-clips", type=int)
    p.add_argument("--warmup", type=int); p.add_argument("--ema", type=float, default=0.995)
    p.add_argument("--workers", type=int); p.add_argument("--precision", default="fp32")
    p.add_argument("--ckpt-every", type=int, default=250); p.add_argument("--delta-after", type=int, default=1000)
    p.add_argument("--calib-steps", type=int, default=40); p.add_argument("--min-steps", type=int, default=200)
    p.add_argument("--render-rate", type=float, default=30.0, help="clips per second per worker, for the pool's time estimate")
    a = p.parse_args(argv)
    base = a.phase == "base"
    dflt = dict(batch=64, lr=5e-4 if base else 3e-4, n_clips=20000 if base else 6000, warmup=100 if base else 50,
                workers=max(1, (os.cpu_count() or 2) - 4) if base else max(1, ((os.cpu_count() or 2) - 4) // 4))
    if a.smoke: dflt.update(batch=2, n_clips=24, workers=2 if base else 1); a.calib_steps, a.min_steps = 12, 4; a.ckpt_every = min(a.ckpt_every, 5)
    for k, v in dflt.items():
        if getattr(a, k) is None: setattr(a, k, v)
    root, export = Path(a.root), Path(a.export)
    if not root.is_absolute(): root = REPO / root
    root.mkdir(parents=True, exist_ok=True); export.mkdir(parents=True, exist_ok=True)
    import torch
    rec = dict(phase=a.phase, device=torch.cuda.get_device_name(0) if torch.cuda.is_available() else "cpu", torch=torch.__version__,
               cpus=os.cpu_count(), args=vars(a))
    log(f"{a.phase} on {rec['device']} (torch {rec['torch']}, {rec['cpus']} CPUs)")
    try: (phase_base if base else phase_finetune)(a, root, export, rec)
    finally:
        rec["wall_s"] = time.time() - T0
        from remind.core import write_json_atomic
        write_json_atomic(export / f"gpu_world_{a.phase}.json", rec, default=str)
    log(f"done in {rec['wall_s']:.0f} s")


if __name__ == "__main__":
    main()
