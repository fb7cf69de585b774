/*
 * The seed's training loop in tuned C, the peer that `bptt bench` measures the Swift library
 * against: H = 16, tau = 8, alpha = 0.1, exact output gradient (yhat - y) yhat (1 - yhat),
 * one sample per step, operands in 0..127 drawn from SplitMix64 after the weights, exactly as
 * `ElmanRNN.Trainer` does.
 *
 * Two implementations of the same loop:
 *
 *  - `reference_step`: the library's arithmetic, operation for operation (its order of
 *    additions, its tanh from its own exp, glibc's exp for the sigmoid, no fused multiply-add).
 *    Its losses must equal the Swift library's portable build bit for bit; this is how the
 *    file shows that it trains the same network on the same samples.
 *  - `tuned_step`: what a careful C programmer writes (the timed one). SIMD across the 16
 *    hidden units at the machine's vector width (GCC vector extensions; 8 lanes with
 *    AVX-512F, 4 with AVX, else 2), fused multiply-add wherever the compiler may contract
 *    (gcc contracts by default for -march with FMA), four accumulators for every sum over the
 *    hidden units, a transposed copy of W kept up to date by the update itself (never
 *    re-transposed), gradients accumulated in registers and applied at once (never zeroed or
 *    stored), tanh and the sigmoid eight time steps at a time from a vector exp. Its numbers
 *    differ from the reference's in the last bits (FMA, order of additions), so its loss
 *    after many samples is reported next to the reference's, not required to equal it.
 *
 * Build: gcc -O3 -march=native -o elman_bptt elman_bptt.c -lm
 * Usage: elman_bptt [--samples N] [--repeats R] [--clock cpu|wall]
 *                                                 prints the median microseconds per sample
 *                                                 of R timed runs (after a warm-up) as its
 *                                                 last line; cpu time by default
 *        elman_bptt --loss N                       prints "reference <loss>" and
 *                                                 "tuned <loss>": the loss of sample N
 *                                                 (before its update), %.17g
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { H = 16, TAU = 8, INPUTS = 2, OPERAND_RANGE = 128 };
static const double ALPHA = 0.1;

/* ---- SplitMix64 and the initialisation, as ElmanRNN.SplitMix64 and Parameters ---------- */

static uint64_t splitmix_next(uint64_t *state) {
    *state += 0x9E3779B97F4A7C15ull;
    uint64_t z = *state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* 2u - 1 with u = (top 53 bits + 1/2) 2^-53: exact in any order of evaluation. */
static double uniform_minus_one_to_one(uint64_t *state) {
    double unit = ((double)(splitmix_next(state) >> 11) + 0.5) * 0x1p-53;
    return 2 * unit - 1;
}

/* The weights in the library's order: U (H x 2), W (H x H), b, V (1 x H), c, each row-major. */
typedef struct { double U[H][INPUTS], W[H][H], b[H], V[H], c; } Parameters;

static void initialise(Parameters *p, uint64_t *rng) {
    for (int i = 0; i < H; i++) for (int k = 0; k < INPUTS; k++) p->U[i][k] = uniform_minus_one_to_one(rng);
    for (int i = 0; i < H; i++) for (int j = 0; j < H; j++) p->W[i][j] = uniform_minus_one_to_one(rng);
    for (int i = 0; i < H; i++) p->b[i] = uniform_minus_one_to_one(rng);
    for (int j = 0; j < H; j++) p->V[j] = uniform_minus_one_to_one(rng);
    p->c = uniform_minus_one_to_one(rng);
}

/* One sample: x(t) = bit t-1 of each operand, y(t) = bit t-1 of the sum mod 256 (t = 1..tau). */
typedef struct { double x[TAU + 1][INPUTS], y[TAU + 1]; } Sample;

static void draw_sample(Sample *s, uint64_t *rng) {
    int a = (int)(splitmix_next(rng) & (OPERAND_RANGE - 1));
    int b = (int)(splitmix_next(rng) & (OPERAND_RANGE - 1));
    int sum = (a + b) & 255;
    for (int t = 1; t <= TAU; t++) {
        s->x[t][0] = (a >> (t - 1)) & 1;
        s->x[t][1] = (b >> (t - 1)) & 1;
        s->y[t] = (sum >> (t - 1)) & 1;
    }
}

/* ---- The reference: the library's operations in the library's order, nothing fused ------ */

#define NO_FMA __attribute__((optimize("fp-contract=off")))

/* ElmanRNN's exponential(_:) for one lane. */
NO_FMA static double reference_exp(double x) {
    const double log2e = 1.4426950408889634, ln2_high = 6.93147180369123816490e-01,
                 ln2_low = 1.90821492927058770002e-10, shifter = 6755399441055744.0;
    double shifted = x * log2e + shifter;
    double k = shifted - shifter;
    double r = (x - k * ln2_high) - k * ln2_low;
    double r2 = r * r, r4 = r2 * r2;
    double q0 = r + 1, q1 = r * (1.0 / 6) + 1.0 / 2;
    double q2 = r * (1.0 / 120) + 1.0 / 24, q3 = r * (1.0 / 5040) + 1.0 / 720;
    double q4 = r * (1.0 / 362880) + 1.0 / 40320, q5 = r * (1.0 / 39916800) + 1.0 / 3628800;
    double q6 = r * (1.0 / 6227020800.0) + 1.0 / 479001600;
    double s0 = q1 * r2 + q0, s1 = q3 * r2 + q2, s2 = q5 * r2 + q4;
    double p = ((q6 * r4 + s2) * r4 + s1) * r4 + s0;
    int64_t shifted_bits, shifter_bits;
    memcpy(&shifted_bits, &shifted, 8);
    memcpy(&shifter_bits, &shifter, 8);
    uint64_t two_k_bits = (uint64_t)(shifted_bits - shifter_bits + 1023) << 52;
    double two_k;
    memcpy(&two_k, &two_k_bits, 8);
    return p * two_k;
}

/* ElmanRNN's tanh(_:) for one lane. */
NO_FMA static double reference_tanh(double z) {
    double magnitude = fabs(z);
    double e = reference_exp(2 * (magnitude > 20 ? 20 : magnitude));
    double large = copysign(1 - 2 / (e + 1), z);
    if (!(magnitude < 0.0625)) return large;
    double z2 = z * z;
    double series = -1382.0 / 155925;
    series = series * z2 + 62.0 / 2835;
    series = series * z2 - 17.0 / 315;
    series = series * z2 + 2.0 / 15;
    series = series * z2 - 1.0 / 3;
    return z * (1 + z2 * series);
}

/* Forward, backward and update exactly as ForwardPass, BackwardPass and descend(along:). */
NO_FMA static double reference_step(Parameters *p, const Sample *s) {
    double h[TAU + 1][H] = {{0}}, yhat[TAU + 1];
    for (int t = 1; t <= TAU; t++) {
        for (int i = 0; i < H; i++) {
            double sum = p->b[i];
            for (int j = 0; j < H; j++) sum += p->W[i][j] * h[t - 1][j];
            for (int k = 0; k < INPUTS; k++) sum += p->U[i][k] * s->x[t][k];
            h[t][i] = reference_tanh(sum);
        }
        double o = p->c;
        for (int j = 0; j < H; j++) o += p->V[j] * h[t][j];
        yhat[t] = 1 / (1 + exp(-o));
    }
    double loss = 0;
    for (int t = 1; t <= TAU; t++) loss += 0.5 * (s->y[t] - yhat[t]) * (s->y[t] - yhat[t]);

    double dL_do[TAU + 1], dL_dh[H], dL_da[TAU + 2][H];
    memset(dL_da[TAU + 1], 0, sizeof dL_da[TAU + 1]);
    for (int t = 1; t <= TAU; t++) dL_do[t] = (yhat[t] - s->y[t]) * yhat[t] * (1 - yhat[t]);
    for (int t = TAU; t >= 1; t--) {
        for (int j = 0; j < H; j++) dL_dh[j] = p->V[j] * dL_do[t];
        for (int r = 0; r < H; r++)
            for (int j = 0; j < H; j++) dL_dh[j] += p->W[r][j] * dL_da[t + 1][r];
        for (int i = 0; i < H; i++) dL_da[t][i] = (1 - h[t][i] * h[t][i]) * dL_dh[i];
    }
    Parameters g;
    memset(&g, 0, sizeof g);
    for (int i = 0; i < H; i++) {
        for (int t = 1; t <= TAU; t++) {
            for (int k = 0; k < INPUTS; k++) g.U[i][k] += s->x[t][k] * dL_da[t][i];
        }
        for (int t = 1; t <= TAU; t++) {
            for (int j = 0; j < H; j++) g.W[i][j] += h[t - 1][j] * dL_da[t][i];
        }
        for (int t = 1; t <= TAU; t++) g.b[i] += dL_da[t][i];
    }
    for (int t = 1; t <= TAU; t++)
        for (int j = 0; j < H; j++) g.V[j] += h[t][j] * dL_do[t];
    for (int t = 1; t <= TAU; t++) g.c += dL_do[t];

    for (int i = 0; i < H; i++) {
        for (int k = 0; k < INPUTS; k++) p->U[i][k] -= ALPHA * g.U[i][k];
        for (int j = 0; j < H; j++) p->W[i][j] -= ALPHA * g.W[i][j];
        p->b[i] -= ALPHA * g.b[i];
        p->V[i] -= ALPHA * g.V[i];
    }
    p->c -= ALPHA * g.c;
    return loss;
}

/* ---- The tuned loop ---------------------------------------------------------------------- */

#if defined(__AVX512F__)
enum { LANES = 8 };
#elif defined(__AVX__)
enum { LANES = 4 };
#else
enum { LANES = 2 };
#endif
enum { PARTS = H / LANES };  /* registers per hidden vector */

typedef double vec __attribute__((vector_size(LANES * 8)));
typedef int64_t ivec __attribute__((vector_size(LANES * 8)));

/* A hidden-size vector: PARTS registers. */
typedef struct { vec v[PARTS]; } hvec;

/* The tuned loop's own layout: U by columns, W and its transpose, both kept current. */
typedef struct {
    hvec U[INPUTS];  /* U[k].v = column k of U */
    hvec W[H];       /* W[i]  = row i of W */
    hvec Wt[H];      /* Wt[j] = row j of W^T = column j of W */
    hvec b, V;
    double c;
} TunedParameters;

static void tuned_from(TunedParameters *q, const Parameters *p) {
    for (int i = 0; i < H; i++) {
        for (int k = 0; k < INPUTS; k++) q->U[k].v[i / LANES][i % LANES] = p->U[i][k];
        for (int j = 0; j < H; j++) {
            q->W[i].v[j / LANES][j % LANES] = p->W[i][j];
            q->Wt[j].v[i / LANES][i % LANES] = p->W[i][j];
        }
        q->b.v[i / LANES][i % LANES] = p->b[i];
        q->V.v[i / LANES][i % LANES] = p->V[i];
    }
    q->c = p->c;
}

/* e^x for |x| <= 700: range reduction by ln 2, Taylor series to r^13 (Estrin), 2^k from bits. */
static inline vec vexp(vec x) {
    const vec shifter = (vec){0} + 6755399441055744.0;
    vec shifted = x * 1.4426950408889634 + shifter;
    vec k = shifted - shifter;
    vec r = (x - k * 6.93147180369123816490e-01) - k * 1.90821492927058770002e-10;
    vec r2 = r * r, r4 = r2 * r2;
    vec q0 = r + 1, q1 = r * (1.0 / 6) + 1.0 / 2;
    vec q2 = r * (1.0 / 120) + 1.0 / 24, q3 = r * (1.0 / 5040) + 1.0 / 720;
    vec q4 = r * (1.0 / 362880) + 1.0 / 40320, q5 = r * (1.0 / 39916800) + 1.0 / 3628800;
    vec q6 = r * (1.0 / 6227020800.0) + 1.0 / 479001600;
    vec s0 = q1 * r2 + q0, s1 = q3 * r2 + q2, s2 = q5 * r2 + q4;
    vec p = ((q6 * r4 + s2) * r4 + s1) * r4 + s0;
    ivec two_k = (((ivec)shifted - (ivec)shifter) + 1023) << 52;
    return p * (vec)two_k;
}

/* tanh z = sign(z) (1 - 2 / (e^{2|z|} + 1)), its Taylor series below |z| = 1/16. */
static inline vec vtanh(vec z) {
    const ivec sign_bit = (ivec){0} + INT64_MIN;
    ivec bits = (ivec)z;
    vec magnitude = (vec)(bits & ~sign_bit);
    ivec over = magnitude > 20;
    vec clamped = (vec)(((ivec)magnitude & ~over) | ((ivec)((vec){0} + 20) & over));
    vec e = vexp(2 * clamped);
    vec large = (vec)((ivec)(1 - 2 / (e + 1)) | (bits & sign_bit));
    ivec small = magnitude < 0.0625;
    vec z2 = z * z;
    vec series = (vec){0} - 1382.0 / 155925;
    series = series * z2 + 62.0 / 2835;
    series = series * z2 - 17.0 / 315;
    series = series * z2 + 2.0 / 15;
    series = series * z2 - 1.0 / 3;
    vec near_zero = z * (1 + z2 * series);
    return (vec)(((ivec)large & ~small) | ((ivec)near_zero & small));
}

/* Sum of all lanes of a hidden vector. */
static inline double hsum(hvec a) {
    vec s = a.v[0];
    for (int p = 1; p < PARTS; p++) s += a.v[p];
    double total = 0;
    for (int l = 0; l < LANES; l++) total += s[l];
    return total;
}

/* acc + sum over r of rows[r] * w[r], the sum split over four accumulators so that four
   multiply-add chains run at once instead of one chain sixteen long. */
static inline hvec add_rows_weighted(hvec acc, const hvec rows[H], const double w[H]) {
    hvec part[4];
    for (int m = 0; m < 4; m++)
        for (int p = 0; p < PARTS; p++) part[m].v[p] = rows[m].v[p] * w[m];
    for (int r = 4; r < H; r += 4)
        for (int m = 0; m < 4; m++)
            for (int p = 0; p < PARTS; p++) part[m].v[p] += rows[r + m].v[p] * w[r + m];
    for (int p = 0; p < PARTS; p++) acc.v[p] += (part[0].v[p] + part[1].v[p]) + (part[2].v[p] + part[3].v[p]);
    return acc;
}

static double tuned_step(TunedParameters *q, const Sample *s) {
    /* Forward: h(t) = tanh(b + W h(t-1) + U x(t)), W h(t-1) as the rows of W^T weighted by h(t-1). */
    hvec h[TAU + 1];
    double hs[TAU + 1][H];  /* h(t) as scalars, the weights of the next step's sum */
    double o[TAU];
    memset(&h[0], 0, sizeof h[0]);
    for (int t = 1; t <= TAU; t++) {
        hvec a;
        for (int p = 0; p < PARTS; p++)
            a.v[p] = q->b.v[p] + q->U[0].v[p] * s->x[t][0] + q->U[1].v[p] * s->x[t][1];
        if (t > 1) a = add_rows_weighted(a, q->Wt, hs[t - 1]);
        hvec v;
        for (int p = 0; p < PARTS; p++) {
            h[t].v[p] = vtanh(a.v[p]);
            v.v[p] = q->V.v[p] * h[t].v[p];
        }
        memcpy(hs[t], &h[t], sizeof hs[t]);
        o[t - 1] = q->c + hsum(v);
    }
    /* The output layer for all eight steps at once, TAU / LANES registers:
       yhat = sigma(o) with -o clamped to the exp's range, dL/do, the loss. */
    enum { STEPS = TAU / LANES };
    vec dL_do_v[STEPS];
    double dL_do[TAU];
    double loss = 0;
    for (int m = 0; m < STEPS; m++) {
        vec ov, y;
        memcpy(&ov, &o[m * LANES], sizeof ov);
        memcpy(&y, &s->y[1 + m * LANES], sizeof y);
        vec minus_o = -ov;
        ivec over = minus_o > 700, under = minus_o < -700;
        minus_o = (vec)(((ivec)minus_o & ~(over | under)) | ((ivec)((vec){0} + 700) & over)
                        | ((ivec)((vec){0} - 700) & under));
        vec yhat = 1 / (1 + vexp(minus_o));
        vec error = yhat - y;
        dL_do_v[m] = error * yhat * (1 - yhat);
        vec half_squares = 0.5 * error * error;
        for (int l = 0; l < LANES; l++) loss += half_squares[l];
    }
    memcpy(dL_do, dL_do_v, sizeof dL_do);

    /* Backward: dL/dh(t) = V dL/do(t) + W^T dL/da(t+1) (the rows of W weighted by dL/da(t+1)),
       dL/da(t) = (1 - h(t)^2) dL/dh(t). */
    hvec da[TAU + 1];
    double das[TAU + 2][H];
    for (int t = TAU; t >= 1; t--) {
        hvec dh;
        for (int p = 0; p < PARTS; p++) dh.v[p] = q->V.v[p] * dL_do[t - 1];
        if (t < TAU) dh = add_rows_weighted(dh, q->W, das[t + 1]);
        for (int p = 0; p < PARTS; p++) da[t].v[p] = (1 - h[t].v[p] * h[t].v[p]) * dh.v[p];
        memcpy(das[t], &da[t], sizeof das[t]);
    }

    /* Gradients summed over t in registers and applied at once; W and W^T get the same
       products summed in the same order, so W^T stays exactly W's transpose. */
    hvec gU0, gU1, gb, gV;
    double gc = 0;
    for (int p = 0; p < PARTS; p++) {
        gU0.v[p] = gU1.v[p] = gb.v[p] = gV.v[p] = (vec){0};
        for (int t = 1; t <= TAU; t++) {
            gU0.v[p] += da[t].v[p] * s->x[t][0];
            gU1.v[p] += da[t].v[p] * s->x[t][1];
            gb.v[p] += da[t].v[p];
            gV.v[p] += h[t].v[p] * dL_do[t - 1];
        }
    }
    for (int t = 0; t < TAU; t++) gc += dL_do[t];
    for (int i = 0; i < H; i++) {
        hvec gW = {0}, gWt = {0};
        for (int t = 2; t <= TAU; t++)  /* h(0) = 0: t = 1 adds nothing */
            for (int p = 0; p < PARTS; p++) {
                gW.v[p] += h[t - 1].v[p] * das[t][i];
                gWt.v[p] += da[t].v[p] * hs[t - 1][i];
            }
        for (int p = 0; p < PARTS; p++) {
            q->W[i].v[p] -= ALPHA * gW.v[p];
            q->Wt[i].v[p] -= ALPHA * gWt.v[p];
        }
    }
    for (int p = 0; p < PARTS; p++) {
        q->U[0].v[p] -= ALPHA * gU0.v[p];
        q->U[1].v[p] -= ALPHA * gU1.v[p];
        q->b.v[p] -= ALPHA * gb.v[p];
        q->V.v[p] -= ALPHA * gV.v[p];
    }
    q->c -= ALPHA * gc;
    return loss;
}

/* ---- Driver ------------------------------------------------------------------------------ */

/* The process's CPU time (--clock cpu, the default) or the monotonic wall clock (--clock wall).
   On a shared machine the wall clock also counts the time other processes held the core. */
static clockid_t timing_clock = CLOCK_PROCESS_CPUTIME_ID;

static double seconds_now(void) {
    struct timespec ts;
    clock_gettime(timing_clock, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Trains a fresh network (seed 0) for `samples` samples; returns the last sample's loss. */
static double train_tuned(long samples) {
    uint64_t rng = 0;
    Parameters p;
    initialise(&p, &rng);
    TunedParameters q;
    tuned_from(&q, &p);
    Sample s;
    double loss = 0;
    for (long n = 0; n < samples; n++) {
        draw_sample(&s, &rng);
        loss = tuned_step(&q, &s);
    }
    return loss;
}

static double train_reference(long samples) {
    uint64_t rng = 0;
    Parameters p;
    initialise(&p, &rng);
    Sample s;
    double loss = 0;
    for (long n = 0; n < samples; n++) {
        draw_sample(&s, &rng);
        loss = reference_step(&p, &s);
    }
    return loss;
}

static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static long parse_count(const char *text, const char *option) {
    char *end;
    long value = strtol(text, &end, 10);
    if (*text == 0 || *end != 0 || value < 1) {
        fprintf(stderr, "error: %s needs a positive integer, got '%s'\n", option, text);
        exit(2);
    }
    return value;
}

int main(int argc, char **argv) {
    long samples = 20000, repeats = 5, loss_samples = 0;
    for (int i = 1; i < argc; i++) {
        if (i + 1 < argc && strcmp(argv[i], "--samples") == 0) samples = parse_count(argv[++i], "--samples");
        else if (i + 1 < argc && strcmp(argv[i], "--repeats") == 0) repeats = parse_count(argv[++i], "--repeats");
        else if (i + 1 < argc && strcmp(argv[i], "--loss") == 0) loss_samples = parse_count(argv[++i], "--loss");
        else if (i + 1 < argc && strcmp(argv[i], "--clock") == 0 && strcmp(argv[i + 1], "cpu") == 0) i++;
        else if (i + 1 < argc && strcmp(argv[i], "--clock") == 0 && strcmp(argv[i + 1], "wall") == 0) {
            timing_clock = CLOCK_MONOTONIC;
            i++;
        } else {
            fprintf(stderr, "usage: %s [--samples N] [--repeats R] [--clock cpu|wall] | --loss N\n", argv[0]);
            return 2;
        }
    }
    if (loss_samples > 0) {
        printf("reference %.17g\n", train_reference(loss_samples));
        printf("tuned %.17g\n", train_tuned(loss_samples));
        return 0;
    }
    volatile double sink = train_tuned(samples < 1000 ? samples : 1000);  /* warm-up, untimed */
    double *times = malloc(sizeof(double) * (size_t)repeats);
    for (long r = 0; r < repeats; r++) {
        double start = seconds_now();
        sink = train_tuned(samples);
        times[r] = (seconds_now() - start) / (double)samples * 1e6;
    }
    (void)sink;
    qsort(times, (size_t)repeats, sizeof(double), compare_doubles);
    printf("%.6f\n", repeats % 2 ? times[repeats / 2] : (times[repeats / 2 - 1] + times[repeats / 2]) / 2);
    free(times);
    return 0;
}
