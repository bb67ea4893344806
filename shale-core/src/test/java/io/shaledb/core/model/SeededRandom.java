package io.shaledb.core.model;

import java.util.Random;

/**
 * The random source of a property test: a new seed on every run, printed so that a failure can be replayed, or the
 * seed given as {@code -Dseed=<n>} to replay one.
 */
public record SeededRandom(long seed, Random random) {

  /** @param test names the test in the printed line */
  public static SeededRandom of(String test) {
    long seed = Long.getLong("seed", new Random().nextLong());
    System.out.println(test + " seed " + seed);
    return new SeededRandom(seed, new Random(seed));
  }
}
