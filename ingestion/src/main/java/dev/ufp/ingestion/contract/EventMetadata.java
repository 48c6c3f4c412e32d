package dev.ufp.ingestion.contract;

/** Keys of the Axon metadata stored with every event. */
public final class EventMetadata {
    /** The tenant that owns the conversation. */
    public static final String TENANT = "tenant";
    /** Where the event came in: {@code http}, {@code kafka} or {@code import}. */
    public static final String CHANNEL = "channel";
    /** Id (not the secret) of the API key that submitted the event. */
    public static final String KEY_ID = "keyId";

    private EventMetadata() {
    }
}
