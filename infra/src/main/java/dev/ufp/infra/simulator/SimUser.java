package dev.ufp.infra.simulator;

import java.util.Map;

/**
 * A simulated user: cohort attributes (sent with {@code ConversationStarted}), a latent preference per
 * {@link Style} in [-1, 1] (never sent), and how they react.
 */
record SimUser(String id, String plan, String region, double[] preferences, Behaviour behaviour) {

    enum Behaviour {
        /** Reacts as the reaction model says. */
        HONEST,
        /** Loves (almost) everything. */
        SPAMMER,
        /** Adds, removes and flips reactions; ends with the honest outcome. */
        FLIP_FLOPPER
    }

    double styleFit(Style style) {
        return preferences[style.ordinal()];
    }

    boolean adversarial() {
        return behaviour != Behaviour.HONEST;
    }

    Map<String, String> attributes() {
        return Map.of("plan", plan, "region", region);
    }
}
