"""One GPU check: streaming fps, FlexAttention vs SDPA, one bf16 training step (time, peak memory, MFU), FSDP2 when > 1 GPU.

Random weights throughout (the figures are about speed and memory, not quality). Records everything to a JSON
(`--out`) and prints one line per figure. `bench/gpu.sh` runs it with a time limit; `--smoke` runs every part on
the CPU at toy sizes (the preset `tiny`), which is how the script itself is tested where no GPU is lent.

    bash bench/gpu.sh                       # on a GPU machine: 1.3B at 480x832, ~5 min on one H100/H200
    python bench/gpu.py --smoke --out /tmp/gpu_smoke.json
"""
from __future__ import annotations

import argparse, json, os, platform, subprocess, sys, tempfile, time
from pathlib import Path

import torch
import torch.nn.functional as F

from remind.model import CausalWan
from remind.train import memory_plan, _register_memories, TrainConfig, write_json_atomic

PEAK_BF16 = {"H100": 989e12, "H200": 989e12, "A100": 312e12, "L40S": 362e12, "B200": 2250e12}   # dense bf16 FLOP/s


def sync(dev):
    if dev.type == "cuda": torch.cuda.synchronize()


def timed(fn, dev, repeat=3):
    "Median seconds of `repeat` calls after one warm-up call (compilation happens there)."
    fn(); sync(dev)
    ts = []
    for _ in range(repeat):
        t0 = time.perf_counter(); fn(); sync(dev); ts.append(time.perf_counter() - t0)
    return sorted(ts)[len(ts) // 2]


def streaming(a, dev, dt, rec):
    m = CausalWan.from_preset(a.preset, seed=0).eval().to(dev, dt)
    g = torch.Generator().manual_seed(0)
    text = torch.randn(1, a.text_len, m.config.text_dim, generator=g)
    chunks, hh, ww = a.chunks, *a.latent
    cams = torch.randn(1, chunks * m.chunk, 14, generator=g) * 0.1
    def run(n=chunks):
        with torch.no_grad():
            return m.rollout(text, n, latent_shape=(m.config.in_channels, hh, ww), cameras=cams[:, :n * m.chunk], steps=4,
                             generator=torch.Generator().manual_seed(1))
    run(1); sync(dev)                                                            # warm-up / compile
    t0 = time.perf_counter(); lat = run(); sync(dev); t = time.perf_counter() - t0
    frames = 4 * (chunks * m.chunk - 1) + 1
    rec["streaming"] = {"preset": a.preset, "latent": [hh, ww], "chunks": chunks, "steps": 4, "seconds": t, "fps_transformer": frames / t}
    print(f"streaming {a.preset} {hh * 8}x{ww * 8}: {frames} frames in {t:.2f} s = {frames / t:.1f} fps (transformer only, 4 steps + clean pass per chunk)")
    from diffusers import AutoencoderKLWan
    vae = (AutoencoderKLWan.from_pretrained(a.vae) if a.vae else
           AutoencoderKLWan(base_dim=a.vae_base_dim, z_dim=16, dim_mult=[1, 2, 4, 4], num_res_blocks=1)).eval().to(dev, dt)
    with torch.no_grad():
        dec = lambda: vae.decode(lat.to(dev, dt)).sample
        td = timed(dec, dev, repeat=1)
    rec["streaming"].update(vae="real: " + a.vae if a.vae else f"random tiny (base_dim {a.vae_base_dim})", vae_decode_s=td,
                            fps_with_vae=frames / (t + td))
    print(f"  + Wan VAE decode ({rec['streaming']['vae']}): {td:.2f} s -> {frames / (t + td):.1f} fps end to end (no text encoder)")
    del m, vae


def flex_vs_sdpa(a, dev, dt, rec):
    m = CausalWan.from_preset(a.preset, seed=0).eval().to(dev, dt)
    g = torch.Generator().manual_seed(2)
    Fr, (hh, ww) = a.chunks * m.chunk, a.latent
    x = torch.randn(1, m.config.in_channels, Fr, hh, ww, generator=g).to(dev, dt)
    s, pos = torch.rand(1, Fr, generator=g).to(dev), torch.arange(Fr)[None].to(dev)
    text, cams = torch.randn(1, a.text_len, m.config.text_dim, generator=g).to(dev, dt), (torch.randn(1, Fr, 14, generator=g) * 0.1).to(dev)
    out = {}
    for be in ("flex", "sdpa"):
        with torch.no_grad():
            f = lambda: m(x, s, pos, text, cameras=cams, backend=be)
            out[be] = (timed(f, dev, repeat=a.repeat), f().float())
    diff = (out["flex"][1] - out["sdpa"][1]).abs().max().item()
    scale = out["sdpa"][1].abs().max().item()
    rec["flex_vs_sdpa"] = {"tokens": Fr * hh * ww // 4, "flex_s": out["flex"][0], "sdpa_s": out["sdpa"][0],
                           "speed_ratio_sdpa_over_flex": out["sdpa"][0] / out["flex"][0], "max_abs_diff": diff, "max_abs": scale,
                           "agree": diff <= 2e-2 * max(scale, 1.0) if dt == torch.bfloat16 else diff <= 1e-4 * max(scale, 1.0)}
    print(f"block-mask forward, {Fr * hh * ww // 4} tokens: flex {out['flex'][0]:.3f} s, sdpa {out['sdpa'][0]:.3f} s, "
          f"sdpa/flex {out['sdpa'][0] / out['flex'][0]:.2f}x; max |diff| {diff:.3g} (max |out| {scale:.3g}) agree={rec['flex_vs_sdpa']['agree']}")
    del m


def train_step(a, dev, rec):
    m = CausalWan.from_preset(a.preset, seed=0).to(dev).enable_gradient_checkpointing(True).train()
    opt = torch.optim.AdamW(m.parameters(), lr=1e-5, foreach=False)
    g = torch.Generator().manual_seed(3)
    Fr, (hh, ww) = a.chunks * m.chunk, a.latent
    x0 = torch.randn(1, m.config.in_channels, Fr, hh, ww, generator=g).to(dev)
    eps, s = torch.randn(x0.shape, generator=g).to(dev), torch.rand(1, Fr, generator=g).to(dev)
    text, cams = torch.randn(1, a.text_len, m.config.text_dim, generator=g).to(dev), (torch.randn(1, Fr, 14, generator=g) * 0.1).to(dev)
    xt = (1 - s[:, None, :, None, None]) * x0 + s[:, None, :, None, None] * eps
    def step():
        opt.zero_grad(set_to_none=True)
        with torch.autocast(dev.type, torch.bfloat16):
            pred = m(xt, s, torch.arange(Fr)[None].to(dev), text, cameras=cams)
        F.mse_loss(pred.float(), eps - x0).backward()
        opt.step()
    step(); sync(dev)
    if dev.type == "cuda": torch.cuda.reset_peak_memory_stats()
    t = timed(step, dev, repeat=a.repeat)
    peak = torch.cuda.max_memory_allocated() / 1e9 if dev.type == "cuda" else float("nan")
    plan = memory_plan(a.preset, "single", 1, hh * 8, ww * 8, 4 * (Fr - 1) + 1, 1, "bf16", True, text_len=a.text_len)
    name = torch.cuda.get_device_name() if dev.type == "cuda" else platform.processor() or "cpu"
    peak_flops = next((v for k, v in PEAK_BF16.items() if k in name), None)
    mfu = plan["train_flops_per_sample"] / t / peak_flops if peak_flops else None
    rec["train_step"] = {"preset": a.preset, "tokens": plan["tokens"], "seconds": t, "peak_memory_gb": peak, "plan_total_gb": plan["total_gb"],
                         "model_flops": plan["train_flops_per_sample"], "device": name, "peak_bf16_flops": peak_flops, "mfu": mfu}
    print(f"training step {a.preset}, {plan['tokens']} tokens, bf16 autocast + grad checkpointing: {t:.2f} s, peak {peak:.1f} GB "
          f"(plan {plan['total_gb']:.1f} GB), MFU {'n/a' if mfu is None else f'{100 * mfu:.1f}%'} ({plan['train_flops_per_sample'] / 1e12:.1f} TFLOP/sample)")
    del m, opt


def fsdp(a, rec):
    n = torch.cuda.device_count() if torch.cuda.is_available() else 0
    if n < 2 and not a.smoke:
        rec["fsdp"] = {"skipped": f"{n} GPU(s)"}; print(f"FSDP2: skipped ({n} GPU)"); return
    n = max(n, 2)
    d = Path(tempfile.mkdtemp(prefix="remind-gpu-fsdp-"))
    hh, ww = a.latent
    cfg = TrainConfig(out_dir=str(d / "run"), preset=a.preset, parallel="fsdp", nproc=n, batch=1, steps=3, n_clips=2, n_val_clips=0,
                      frames=4 * (a.chunks * 3 - 1) + 1 if not a.smoke else 33, height=hh * 8, width=ww * 8, grad_checkpointing=True,
                      precision="bf16", ckpt_every=0, val_every=0, progress=False, warmup=1)
    write_json_atomic(d / "run.json", cfg.to_dict())
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "torch.distributed.run", "--standalone", f"--nproc_per_node={n}", "-m", "remind.train",
                        "--config", str(d / "run.json")], capture_output=True, text=True, timeout=a.fsdp_timeout,
                       env={**os.environ, "OMP_NUM_THREADS": "1"})
    t = time.perf_counter() - t0
    ok = r.returncode == 0
    rec["fsdp"] = {"gpus": n, "steps": 3, "seconds_total": t, "ok": ok, "tail": (r.stdout + r.stderr)[-1500:] if not ok else ""}
    if ok:
        m = [json.loads(l) for l in (d / "run" / "metrics.jsonl").read_text().splitlines()]
        rec["fsdp"]["step_seconds"] = (m[-1]["elapsed_s"] - m[0]["elapsed_s"]) / max(1, len(m) - 1)
        rec["fsdp"]["losses"] = [x["loss"] for x in m]
    print(f"FSDP2 on {n} {'GPUs' if not a.smoke else 'CPU processes'}: {'ok' if ok else 'FAILED'}, "
          f"{rec['fsdp'].get('step_seconds', float('nan')):.2f} s/step (3 steps, incl. launch {t:.0f} s)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="bench/gpu.json")
    ap.add_argument("--preset", default="wan2.1-1.3b")
    ap.add_argument("--latent", type=int, nargs=2, default=(60, 104), help="latent h w (480x832 -> 60 104)")
    ap.add_argument("--chunks", type=int, default=7, help="chunks of 3 latent frames (7 -> 81 frames)")
    ap.add_argument("--text-len", type=int, default=512)
    ap.add_argument("--vae", default="", help="a diffusers AutoencoderKLWan folder (default: a random tiny one)")
    ap.add_argument("--vae-base-dim", type=int, default=32)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--fsdp-timeout", type=int, default=150)
    ap.add_argument("--smoke", action="store_true", help="CPU, preset tiny, toy sizes: checks the script, measures nothing")
    ap.add_argument("--only", nargs="*", default=["streaming", "flex", "train", "fsdp"])
    a = ap.parse_args()
    _register_memories()
    if a.smoke: a.preset, a.latent, a.chunks, a.text_len, a.vae_base_dim, a.repeat = "tiny", (8, 8), 2, 8, 8, 1
    dev = torch.device("cuda" if torch.cuda.is_available() and not a.smoke else "cpu")
    if dev.type != "cuda" and not a.smoke: sys.exit("bench/gpu.py: no CUDA device here; run with --smoke to check the script on the CPU")
    dt = torch.bfloat16 if dev.type == "cuda" else torch.float32
    rec = {"time": time.strftime("%Y-%m-%d %H:%M:%S"), "device": torch.cuda.get_device_name() if dev.type == "cuda" else "cpu (smoke)",
           "gpus": torch.cuda.device_count() if dev.type == "cuda" else 0, "torch": torch.__version__, "smoke": a.smoke, "args": vars(a)}
    t0 = time.perf_counter()
    parts = {"streaming": lambda: streaming(a, dev, dt, rec), "flex": lambda: flex_vs_sdpa(a, dev, dt, rec),
             "train": lambda: train_step(a, dev, rec), "fsdp": lambda: fsdp(a, rec)}
    for k in a.only:
        try: parts[k]()
        except Exception as e:                                   # record and go on: one failed part must not hide the others
            rec[k] = {"error": f"{type(e).__name__}: {e}"}; print(f"{k}: FAILED {type(e).__name__}: {e}")
        if dev.type == "cuda": torch.cuda.empty_cache()
        write_json_atomic(Path(a.out), {**rec, "seconds": time.perf_counter() - t0})   # after every part: a timeout keeps what was done
    print(f"recorded {a.out} ({time.perf_counter() - t0:.0f} s)")


if __name__ == "__main__":
    main()
