package dev.ufp.bridge.format;

import java.util.Locale;

/** Where KTO rows come from: the unpaired labels, the pairs (chosen → true, rejected → false), or both. */
public enum KtoSource {
    LABELS, PAIRS, BOTH;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static KtoSource fromWire(String value) {
        for (KtoSource source : values()) {
            if (source.wireName().equals(value)) {
                return source;
            }
        }
        return null;
    }

    public static final String ALLOWED = "labels, pairs, both";
}
