package dev.concierge.domain.favourites.model;

/** SplitMix64 finaliser: turns (value, salt) into well-spread bits that never change between releases or JVMs. */
final class StableMix {
    private StableMix() {}

    static long of(long value, long salt) {
        long z = value * 0x9E3779B97F4A7C15L + salt;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
