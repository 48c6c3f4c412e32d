/**
 * Turns submitted JSON events into stored events: per-item parsing and validation, pseudonymisation, and
 * batched command dispatch with exact per-item results. Shared by every ingest channel (HTTP, Kafka, importers).
 */
package dev.ufp.ingestion.intake;
