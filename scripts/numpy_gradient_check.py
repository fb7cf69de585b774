"""Checks `bptt gradients` with numpy alone, as a learner would: load the parameters JSON,
run the seed's forward pass in numpy, take central finite differences of the loss for every
entry of U, W, b, V, c, and compare them with the gradients `bptt` printed.

Usage: python3 scripts/numpy_gradient_check.py PARAMS.json A B [exact|seed] [BPTT_COMMAND...]
       (BPTT_COMMAND defaults to `swift run -c release bptt`)
"""
import json
import subprocess
import sys

import numpy as np


def bits(n):
    return np.array([(n >> k) & 1 for k in range(8)], dtype=np.float64)  # least significant first


def loss(p, a, b, variant):
    x = np.stack([bits(a), bits(b)], axis=1)
    y = bits((a + b) % 256)
    h = np.zeros(len(p["b"]))
    total = 0.0
    for t in range(8):
        h = np.tanh(p["b"] + p["W"] @ h + p["U"] @ x[t])
        yhat = 1 / (1 + np.exp(-(p["c"][0] + p["V"][0] @ h)))
        if variant == "exact":
            total += 0.5 * (y[t] - yhat) ** 2
        else:
            total -= y[t] * np.log(yhat) + (1 - y[t]) * np.log(1 - yhat)
    return total


def main():
    usage = "usage: python3 scripts/numpy_gradient_check.py PARAMS.json A B [exact|seed] [BPTT_COMMAND...]"
    if len(sys.argv) < 4 or not sys.argv[2].isdigit() or not sys.argv[3].isdigit():
        sys.exit(usage)
    path, a, b = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    variant = sys.argv[4] if len(sys.argv) > 4 else "exact"
    if variant not in ("exact", "seed"):
        sys.exit(f"unknown gradient {variant!r}; use exact or seed\n{usage}")
    command = sys.argv[5:] or ["swift", "run", "-c", "release", "bptt"]
    try:
        with open(path) as f:
            p = {k: np.array(v, dtype=np.float64) for k, v in json.load(f).items()}
    except (OSError, ValueError) as error:
        sys.exit(f"{path}: cannot read parameters: {error}")
    out = subprocess.run(command + ["gradients", "--params", path, "--a", str(a), "--b", str(b),
                                    "--gradient", variant], check=True, capture_output=True, text=True).stdout
    g = json.loads(out)
    worst, eps = 0.0, 1e-5
    for key in ["U", "W", "b", "V", "c"]:
        it = np.nditer(p[key], flags=["multi_index"])
        for _ in it:
            i = it.multi_index
            plus = {k: v.copy() for k, v in p.items()}
            minus = {k: v.copy() for k, v in p.items()}
            plus[key][i] += eps
            minus[key][i] -= eps
            numeric = (loss(plus, a, b, variant) - loss(minus, a, b, variant)) / (2 * eps)
            analytic = np.array(g[key])[i]
            worst = max(worst, abs(numeric - analytic) / max(abs(numeric), abs(analytic), 1e-4))
    print(f"loss: bptt {g['loss']:.12f}, numpy {loss(p, a, b, variant):.12f}")
    print(f"worst relative error over {sum(v.size for v in p.values())} entries: {worst:.2e}")
    sys.exit(0 if worst < 1e-6 else 1)


if __name__ == "__main__":
    main()
