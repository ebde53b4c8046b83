#!/usr/bin/env bash
# The GPU check (issue 15): streaming fps of wan2.1-1.3b at 480x832 (transformer, + Wan VAE decode), FlexAttention vs SDPA,
# one bf16 training step with gradient checkpointing (time, peak memory, MFU), FSDP2 when more than one GPU is present.
# Records bench/gpu.json (after every part, so a timeout keeps what was measured). Budget: under 8 minutes on one H100/H200.
#   bash bench/gpu.sh                       # all parts
#   bash bench/gpu.sh --only streaming      # one part;  --vae /models/wan/vae for the real VAE
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || echo python )}
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader 2>/dev/null || echo "no nvidia-smi"
exec timeout "${GPU_BENCH_TIMEOUT:-470}" "$PY" bench/gpu.py --out "${GPU_BENCH_OUT:-bench/gpu.json}" "$@"
