/**
 * Kafka channels of the write side: the ingest topic backends publish to, its dead-letter topic, and the
 * domain-event stream every stored event is published to (driven by an Axon streaming processor).
 */
package dev.ufp.ingestion.kafka;
