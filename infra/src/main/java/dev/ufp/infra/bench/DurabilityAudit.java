package dev.ufp.infra.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After a run, checks every acknowledged event of the ledger, exactly once per conversation + eventId, in the three
 * places the platform promises it: the stored history ({@code GET /v1/conversations/{id}/events}),
 * {@code feedback.events.v1} and the Elasticsearch projections (one response document per acknowledged
 * {@code ResponseGenerated}, one conversation document per conversation, and each conversation document's
 * {@code responseCount} summing to the same number, which a response applied twice would inflate). Each place is
 * polled until it holds everything or its deadline passes (publication and projection trail the store).
 */
final class DurabilityAudit {

    /** What one audit found; {@code lost} and {@code doubled} must be 0 everywhere. */
    record Result(long acknowledged, long stored, long storedLost, long storedDoubled, long published,
                  long publishedLost, long redelivered, long projectedResponses, long expectedResponses,
                  long projectedConversations, long summedResponseCount, long expectedConversations) {

        boolean exact() {
            return storedLost == 0 && storedDoubled == 0 && publishedLost == 0
                    && projectedResponses == expectedResponses && summedResponseCount == expectedResponses
                    && projectedConversations == expectedConversations;
        }

        void print(java.io.PrintStream out) {
            out.printf("acknowledged              %,d%n", acknowledged);
            out.printf("stored (histories)        %,d   lost %,d   doubled %,d%n", stored, storedLost, storedDoubled);
            out.printf("published (distinct)      %,d   lost %,d   redelivered records %,d (at-least-once)%n",
                    published, publishedLost, redelivered);
            out.printf("projected responses       %,d of %,d   sum of responseCount %,d%n", projectedResponses,
                    expectedResponses, summedResponseCount);
            out.printf("projected conversations   %,d of %,d%n", projectedConversations, expectedConversations);
        }
    }

    /** How long each place may take to hold everything (publication and projection trail the store). */
    static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final Duration STALLED = Duration.ofSeconds(30);

    /** The longest the store audit waits for a shrinking backlog. */
    static final Duration CAP = Duration.ofMinutes(15);

    private final AckLedger ledger;
    private final EventsClient client;
    private final String bootstrap;
    private final ProjectionElastic elastic;
    private final String tenant;
    private final Duration deadline = DEADLINE;

    DurabilityAudit(AckLedger ledger, EventsClient client, String bootstrap, ProjectionElastic elastic, String tenant) {
        this.ledger = ledger;
        this.client = client;
        this.bootstrap = bootstrap;
        this.elastic = elastic;
        this.tenant = tenant;
    }

    Result run() throws Exception {
        long[] store = auditStore();
        CrashHarness.log("store: %,d stored, %,d lost, %,d doubled", store[0], store[1], store[2]);
        long[] topic = auditTopic(ledger.total() - store[1]);
        CrashHarness.log("%s: %,d distinct, %,d lost, %,d redelivered", KafkaIngestDriver.EVENTS_TOPIC, topic[0],
                topic[1], topic[2]);
        long[] projections = auditProjections();
        CrashHarness.log("projections: %,d responses, %,d conversations, responseCount sum %,d", projections[0],
                projections[1], projections[2]);
        return new Result(ledger.total(), store[0], store[1], store[2], topic[0], topic[1], topic[2],
                projections[0], ledger.ofType("ResponseGenerated"), projections[1], projections[2],
                ledger.ofType("ConversationStarted"));
    }

    /**
     * stored, lost, doubled: every conversation read once, those still missing re-read until none is missing or no
     * missing event has turned up for the deadline (a backlog the platform is still working off — Kafka records
     * acknowledged by the broker during the restarts — is waited for as long as it shrinks, at most {@link #CAP}).
     */
    private long[] auditStore() throws Exception {
        Map<String, List<String>> histories = new HashMap<>();
        Set<String> incomplete = new HashSet<>(ledger.conversations());
        long started = System.nanoTime();
        long lastProgress = started;
        long missingBefore = Long.MAX_VALUE;
        while (!incomplete.isEmpty()) {
            long missing = 0;
            for (String conversation : List.copyOf(incomplete)) {
                List<String> stored = client.storedEventIds(conversation);
                histories.put(conversation, stored);
                if (stored.containsAll(ledger.eventIds(conversation))) {
                    incomplete.remove(conversation);
                } else {
                    missing += ledger.eventIds(conversation).stream().filter(id -> !stored.contains(id)).count();
                }
            }
            long now = System.nanoTime();
            if (missing < missingBefore) {
                lastProgress = now;
                missingBefore = missing;
            }
            if (incomplete.isEmpty() || now - lastProgress > deadline.toNanos() || now - started > CAP.toNanos()) {
                break;
            }
            CrashHarness.log("store: %,d acknowledged events not stored yet, waiting", missing);
            Thread.sleep(1000);
        }
        long stored = 0;
        long lost = 0;
        long doubled = 0;
        for (String conversation : ledger.conversations()) {
            List<String> ids = histories.getOrDefault(conversation, List.of());
            Set<String> distinct = new HashSet<>(ids);
            stored += ids.size();
            doubled += ids.size() - distinct.size();
            lost += ledger.eventIds(conversation).stream().filter(id -> !distinct.contains(id)).count();
        }
        return new long[] {stored, lost, doubled};
    }

    /**
     * distinct published, lost, redelivered: the topic read from the start until it holds the {@code expected}
     * acknowledged events that are stored (one lost from the store is never published) or the deadline passes.
     */
    private long[] auditTopic(long expected) {
        Map<String, Integer> seen = new HashMap<>();
        long records = 0;
        long until = System.nanoTime() + deadline.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(KafkaIngestDriver.EVENTS_TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (seen.size() < expected && System.nanoTime() < until) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (!tenant(record).equals(tenant)) {
                        continue;
                    }
                    records++;
                    seen.merge(record.key() + "/" + header(record, "feedback-event-id"), 1, Integer::sum);
                }
            }
        }
        long lost = 0;
        for (String conversation : ledger.conversations()) {
            for (String eventId : ledger.eventIds(conversation)) {
                if (!seen.containsKey(conversation + "/" + eventId)) {
                    lost++;
                }
            }
        }
        return new long[] {seen.size(), lost, records - seen.size()};
    }

    private static String tenant(ConsumerRecord<String, byte[]> record) {
        return header(record, "feedback-tenant");
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * response documents, conversation documents, sum of responseCount: polled until they match the ledger, the
     * deadline passes, or they stop changing for {@link #STALLED} (a loss upstream: they never will).
     */
    private long[] auditProjections() throws Exception {
        long responses = ledger.ofType("ResponseGenerated");
        long conversations = ledger.ofType("ConversationStarted");
        long until = System.nanoTime() + deadline.toNanos();
        long[] found = null;
        long lastChange = System.nanoTime();
        do {
            long[] previous = found;
            found = new long[] {
                    elastic.count("feedback-responses", "tenant", tenant),
                    elastic.count("feedback-conversations", "tenant", tenant),
                    sumResponseCount()};
            if (found[0] == responses && found[1] == conversations && found[2] == responses) {
                break;
            }
            if (previous == null || !java.util.Arrays.equals(previous, found)) {
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > STALLED.toNanos()) {
                break;
            }
            Thread.sleep(1000);
        } while (System.nanoTime() < until);
        return found;
    }

    private long sumResponseCount() throws Exception {
        JsonNode answer = elastic.call("POST", "/feedback-conversations/_search", "{\"size\":0,\"query\":{\"term\":"
                + "{\"tenant\":\"" + tenant + "\"}},\"aggs\":{\"responses\":{\"sum\":{\"field\":\"responseCount\"}}}}");
        return answer.path("aggregations").path("responses").path("value").asLong(-1);
    }
}
