package dev.ufp.projections.model;

/** What a derived signal came from. The wire name is the lower-case name. */
public enum SignalKind {
    REACTION, FOLLOW_UP, REGENERATE, COPY, SHARE, SPAN_CORRECTION, COMMENT_RATING, ABANDONMENT, HINDSIGHT;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
