#ifndef CPU_FEATURES_H
#define CPU_FEATURES_H

/* Whether the build targets a CPU with fused multiply-add. Swift has no compile-time test for
   target features, but its clang importer sees the same -march as the Swift code
   (`swift build -Xcc -march=native` retargets both), so this macro tells the fast trainer
   whether `addingProduct` is one instruction or a call into libm's software fma. */
#if defined(__FMA__)
#define CPU_HAS_FUSED_MULTIPLY_ADD 1
#else
#define CPU_HAS_FUSED_MULTIPLY_ADD 0
#endif

#endif
