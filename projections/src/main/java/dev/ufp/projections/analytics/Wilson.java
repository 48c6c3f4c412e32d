package dev.ufp.projections.analytics;

/** The Wilson score interval for a binomial proportion. */
final class Wilson {

    static final double Z95 = 1.959963984540054;

    private Wilson() {
    }

    /** {low, high} for {@code successes} out of {@code trials} at the given z; {0, 0} when there are no trials. */
    static double[] interval(long successes, long trials, double z) {
        if (trials == 0) {
            return new double[]{0, 0};
        }
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return new double[]{Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
