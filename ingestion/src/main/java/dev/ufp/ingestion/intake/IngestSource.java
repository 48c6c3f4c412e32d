package dev.ufp.ingestion.intake;

/**
 * Who submits a batch and through which channel.
 *
 * @param tenant  the tenant that owns the events
 * @param keyId   id of the API key (or ingest key) used, recorded in event metadata
 * @param channel {@code http}, {@code kafka} or {@code import}
 */
public record IngestSource(String tenant, String keyId, String channel) {
}
