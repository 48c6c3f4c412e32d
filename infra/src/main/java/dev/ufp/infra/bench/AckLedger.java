package dev.ufp.infra.bench;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every event the platform (HTTP: {@code accepted} or {@code duplicate}) or the broker (Kafka: the producer's
 * acknowledgement) acknowledged, by conversation, with its type: what a durability audit must find stored,
 * projected and published exactly once.
 */
final class AckLedger {

    private final Map<String, Map<String, String>> byConversation = new ConcurrentHashMap<>();
    private final AtomicLong http = new AtomicLong();
    private final AtomicLong kafka = new AtomicLong();

    enum Channel { HTTP, KAFKA }

    void acknowledged(Channel channel, BenchEvent event) {
        String previous = byConversation.computeIfAbsent(event.conversationId(), c -> new ConcurrentHashMap<>())
                .putIfAbsent(event.eventId(), event.type());
        if (previous == null) {
            (channel == Channel.HTTP ? http : kafka).incrementAndGet();
        }
    }

    long acknowledged(Channel channel) {
        return (channel == Channel.HTTP ? http : kafka).get();
    }

    long total() {
        return http.get() + kafka.get();
    }

    Set<String> conversations() {
        return byConversation.keySet();
    }

    Set<String> eventIds(String conversationId) {
        return byConversation.getOrDefault(conversationId, Map.of()).keySet();
    }

    /** Acknowledged events of one type, e.g. {@code ResponseGenerated}. */
    long ofType(String type) {
        return byConversation.values().stream().flatMap(m -> m.values().stream()).filter(type::equals).count();
    }
}
