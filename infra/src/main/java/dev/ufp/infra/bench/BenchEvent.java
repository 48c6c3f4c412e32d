package dev.ufp.infra.bench;

/**
 * One generated event: its wire JSON (exactly what the HTTP driver sends and the raw baseline stores as payload)
 * and what the raw baseline needs to build the same row Axon would write.
 *
 * @param conversation index of its conversation in the workload
 * @param sequence     its position in the conversation (Axon's sequence number)
 */
record BenchEvent(String eventId, String conversationId, String type, long conversation, int sequence,
                  byte[] json) {
}
