/**
 * The event store: Axon's JPA storage engine on H2 (default) or PostgreSQL, schema by Flyway, tuned for
 * batched appends (aggregate cache, no explicit flush, insert batching, a dedicated pooled global-index sequence).
 */
package dev.ufp.ingestion.store;
