package org.modsuite.training;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.DoubleSupplier;

/**
 * Two variants of one piece of work over the same items, timed on this thread's CPU clock (which other processes on
 * the machine do not inflate), alternating round by round so that both see the same load, after ten warm-up rounds
 * each. A measurement helper, not a test.
 *
 * @param firstMicros CPU µs per item of the first variant
 * @param secondMicros CPU µs per item of the second
 * @param check a digit of the results' sum, to print, so that the JIT cannot drop the work
 */
record CpuComparison(double firstMicros, double secondMicros, long check) {

  private static final int WARM_UP_ROUNDS = 10;

  /** Each variant runs over all {@code items} once per call and returns a value derived from its results. */
  static CpuComparison of(int rounds, int items, DoubleSupplier first, DoubleSupplier second) {
    double sink = 0;
    for (int round = 0; round < WARM_UP_ROUNDS; round++) {
      sink += first.getAsDouble() + second.getAsDouble();
    }
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long[] nanos = new long[2];
    for (int round = 0; round < rounds; round++) {
      for (int variant = 0; variant < 2; variant++) {
        long start = cpu.getCurrentThreadCpuTime();
        sink += (variant == 0 ? first : second).getAsDouble();
        nanos[variant] += cpu.getCurrentThreadCpuTime() - start;
      }
    }
    return new CpuComparison(nanos[0] / 1000.0 / rounds / items, nanos[1] / 1000.0 / rounds / items, Math.floorMod(Math.round(sink), 10));
  }
}
