package dev.ufp.ingestion.contract;

import java.time.Duration;
import java.time.Instant;

/**
 * Field limits of the contract, named so that every rejection can quote them. Ids are bounded in UTF-8 bytes
 * (what Elasticsearch counts), so that every derived document id ({@code tenant:conversationId:responseId}
 * and the signal ids built on it) stays under Elasticsearch's 512-byte id limit.
 */
public final class Limits {
    /** Most UTF-8 bytes of an id ({@code eventId}, {@code conversationId}, {@code responseId}, {@code turnId}, ...). */
    public static final int ID_MAX = 128;
    /** Most characters of a raw user id; it is hashed to a fixed-length pseudonym before it is stored. */
    public static final int USER_ID_MAX = 256;
    public static final int SHORT_TEXT_MAX = 128;
    public static final int TEXT_MAX = 100_000;
    /** Default of {@code feedback.ingest.max-attributes}: most attributes of one conversation. */
    public static final int ATTRIBUTES_MAX = 32;
    public static final int ATTRIBUTE_VALUE_MAX = 256;
    /**
     * Attribute names: 1 to 64 ASCII letters, digits, {@code _} and {@code -}, starting with a letter or digit.
     * No dots (a dotted name reads as a path to analysts and clashes with a shorter name in object mappings),
     * no leading {@code _} or {@code -}.
     */
    public static final String ATTRIBUTE_NAME = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";
    /** Default of {@code feedback.ingest.occurred-at-earliest}. */
    public static final Instant OCCURRED_AT_EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** Default of {@code feedback.ingest.occurred-at-max-ahead}: how far past the platform's clock. */
    public static final Duration OCCURRED_AT_MAX_AHEAD = Duration.ofDays(1);

    private Limits() {
    }
}
