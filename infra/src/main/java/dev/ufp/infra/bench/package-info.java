/**
 * The ingestion benchmark: starts the platform as its own JVM on a fresh PostgreSQL database and measures
 * HTTP batch ingestion against a raw JDBC baseline, single-event latency and peak RSS ({@link dev.ufp.infra.bench.IngestBenchmark}).
 */
package dev.ufp.infra.bench;
