/**
 * Poison isolation for the platform's event processors, on Axon's sequenced dead-letter queue (JPA, in the event
 * store's database): an event a processor can never apply is parked with its reason, and only the later events of
 * its own sequence (its conversation) wait behind it, while every other conversation and tenant goes on.
 * <p>
 * Processors that batch their work (the Elasticsearch projection, the Kafka publisher) fail at commit, outside the
 * handler; they find the events that will not heal, {@link dev.ufp.ingestion.deadletter.Quarantine#mark mark}
 * them and fail the batch once more, and on the redelivery the handler hands the marked event to the queue. The
 * admin API ({@code /v1/admin/dead-letters}) lists, retries and evicts letters; gauges count them per processor.
 */
package dev.ufp.ingestion.deadletter;
