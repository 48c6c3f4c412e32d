package dev.ufp.infra.simulator;

/** A model variant under test: its fields on {@code ResponseGenerated}, its mean latent quality and style mix. */
record ModelVariant(String model, String version, String variant, double meanQuality, double[] styleWeights) {

    static final ModelVariant[] ALL = {
            new ModelVariant("assistant", "2026-10", "A", 0.45, new double[] {0.4, 0.2, 0.2, 0.2}),
            new ModelVariant("assistant", "2026-11", "B", 0.55, new double[] {0.25, 0.25, 0.25, 0.25}),
            new ModelVariant("assistant", "2026-11", "C", 0.68, new double[] {0.2, 0.4, 0.2, 0.2}),
            new ModelVariant("assistant-lite", "2026-11", "L", 0.35, new double[] {0.5, 0.1, 0.3, 0.1}),
    };
}
