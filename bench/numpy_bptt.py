"""The seed's training loop in plain numpy, the peer that `bptt bench` measures against.

Same configuration as the Swift library: H = 16, tau = 8, alpha = 0.1, exact output
gradient (yhat - y) * yhat * (1 - yhat), one sample per epoch, operands in 0..127, and a
lookup table from numbers to little-endian bits built with np.unpackbits and np.flip as
in the seed. Prints the median microseconds per sample over --repeats timed runs
(process CPU time unless --clock wall).
"""
import argparse
import time

import numpy as np

H, TAU, ALPHA = 16, 8, 0.1
TABLE = np.flip(np.unpackbits(np.arange(256, dtype=np.uint8)[:, None], axis=1), axis=1).astype(np.float64)


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def train(samples, rng):
    U = rng.uniform(-1, 1, (H, 2))
    W = rng.uniform(-1, 1, (H, H))
    b = rng.uniform(-1, 1, (H, 1))
    V = rng.uniform(-1, 1, (1, H))
    c = rng.uniform(-1, 1, (1, 1))
    for _ in range(samples):
        a_num, b_num = rng.integers(0, 128, 2)
        x = np.stack([TABLE[a_num], TABLE[b_num]], axis=1)  # tau x 2
        y = TABLE[(a_num + b_num) % 256]
        h = [np.zeros((H, 1))]
        yhat = []
        for t in range(TAU):
            h.append(np.tanh(b + W @ h[-1] + U @ x[t][:, None]))
            yhat.append(sigmoid(c + V @ h[-1]))
        dU, dW, db = np.zeros_like(U), np.zeros_like(W), np.zeros_like(b)
        dV, dc = np.zeros_like(V), np.zeros_like(c)
        da_next = np.zeros((H, 1))
        for t in reversed(range(TAU)):
            do = (yhat[t] - y[t]) * yhat[t] * (1 - yhat[t])
            dh = W.T @ da_next + V.T @ do
            da = (1 - h[t + 1] ** 2) * dh
            dU += da @ x[t][None, :]
            dW += da @ h[t].T
            db += da
            dV += do @ h[t + 1].T
            dc += do
            da_next = da
        for p, d in ((U, dU), (W, dW), (b, db), (V, dV), (c, dc)):
            p -= ALPHA * d


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=20000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--clock", choices=["cpu", "wall"], default="cpu",
                        help="process CPU time (default) or the monotonic wall clock")
    args = parser.parse_args()
    now = time.process_time if args.clock == "cpu" else time.perf_counter
    rng = np.random.default_rng(0)
    train(min(args.samples, 1000), rng)  # warm-up, untimed
    times = []
    for _ in range(args.repeats):
        start = now()
        train(args.samples, rng)
        times.append((now() - start) / args.samples * 1e6)
    print(float(np.median(times)))


if __name__ == "__main__":
    main()
