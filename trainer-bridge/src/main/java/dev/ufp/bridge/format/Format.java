package dev.ufp.bridge.format;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The JSONL layouts a dataset version can be read in, by their wire names. */
public enum Format {
    /** TRL standard preference: {@code prompt}, {@code chosen}, {@code rejected} strings. */
    TRL,
    /** TRL conversational preference: {@code prompt} a message list, {@code chosen}/{@code rejected} one assistant turn. */
    TRL_CONVERSATIONAL,
    /** TRL unpaired preference (KTO): {@code prompt}, {@code completion}, {@code label}. */
    KTO,
    /** OpenRLHF reward/DPO datasets: configurable keys, strings or chat-template message lists. */
    OPENRLHF,
    /** RLHFlow: {@code prompt}, {@code responses} [chosen, rejected], {@code rewards} [score, score]. */
    RLHFLOW,
    /** The platform's own record with full provenance (ids, both sides, scores, origin, source event ids). */
    NATIVE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Format fromWire(String value) {
        for (Format format : values()) {
            if (format.wireName().equals(value)) {
                return format;
            }
        }
        return null;
    }

    public static String allowed() {
        return Arrays.stream(values()).map(Format::wireName).collect(Collectors.joining(", "));
    }
}
