package dev.ufp.infra.simulator;

/** The response styles users have latent preferences over. */
public enum Style {
    CONCISE, DETAILED, FRIENDLY, FORMAL;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
