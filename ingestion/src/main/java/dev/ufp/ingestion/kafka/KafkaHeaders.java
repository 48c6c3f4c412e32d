package dev.ufp.ingestion.kafka;

/** Header names the platform writes on its topics. */
public final class KafkaHeaders {
    public static final String EVENT_ID = "feedback-event-id";
    public static final String TENANT = "feedback-tenant";
    public static final String TYPE = "feedback-type";
    public static final String GLOBAL_SEQUENCE = "feedback-global-sequence";
    public static final String SEQUENCE = "feedback-sequence";
    public static final String DLT_REASON = "feedback-dlt-reason";
    public static final String DLT_CODE = "feedback-dlt-code";
    public static final String DLT_RETRYABLE = "feedback-dlt-retryable";
    public static final String DLT_ORIGIN = "feedback-dlt-origin";
    public static final String DLT_KEY_ID = "feedback-dlt-key-id";
    public static final String DLT_VALUE_SHA256 = "feedback-dlt-value-sha256";
    public static final String DLT_VALUE_BYTES = "feedback-dlt-value-bytes";

    private KafkaHeaders() {
    }
}
