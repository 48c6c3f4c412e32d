package dev.ufp.ingestion.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ufp.ingestion.intake.IngestService;
import dev.ufp.ingestion.intake.IngestSource;
import dev.ufp.ingestion.intake.ItemError;
import dev.ufp.ingestion.intake.ItemResult;
import dev.ufp.ingestion.intake.StoreUnavailableException;
import dev.ufp.ingestion.tenancy.Caller;
import dev.ufp.ingestion.tenancy.KeyAuthenticator;
import dev.ufp.ingestion.tenancy.Role;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns records of the ingest topic into the same commands as the HTTP API, a poll's worth at a time (one
 * transaction per tenant in the batch). Accepted and duplicate records are done; malformed, invalid, unauthorised
 * and unstorable ones go to the dead-letter topic with the reason, at once; a store outage
 * ({@link StoreUnavailableException}) fails the batch, which the container's error handler retries with back-off
 * until the store is back. Any other failure is pinned on the first record it hits
 * ({@link BatchListenerFailedException}): the records before it are done, it is retried a few times and then
 * dead-lettered by the error handler, and the rest of the batch is redelivered.
 */
@Component
@ConditionalOnProperty(name = "feedback.kafka.enabled", havingValue = "true", matchIfMissing = true)
class IngestTopicListener {

    private static final Logger log = LoggerFactory.getLogger(IngestTopicListener.class);
    private static final String USER_ID = "userId";

    private final IngestService ingest;
    private final KeyAuthenticator keys;
    private final DeadLetterContent content;
    private final KafkaTemplate<String, byte[]> template;
    private final FeedbackKafkaProperties properties;
    private final ObjectMapper json;

    IngestTopicListener(IngestService ingest, KeyAuthenticator keys, DeadLetterContent content,
                        KafkaTemplate<String, byte[]> template, FeedbackKafkaProperties properties, ObjectMapper json) {
        this.ingest = ingest;
        this.keys = keys;
        this.content = content;
        this.template = template;
        this.properties = properties;
        this.json = json;
    }

    private record Item(int index, ConsumerRecord<String, byte[]> record, JsonNode event) {
    }

    @KafkaListener(id = "feedback-ingest", topics = "${feedback.kafka.ingest-topic:feedback.ingest.v1}",
            containerFactory = "ingestListenerFactory")
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        DeadLetters deadLetters = new DeadLetters(template, content, properties.deadLetterTopic());
        Map<String, Optional<Caller>> callers = new HashMap<>();
        Map<Caller, List<Item>> byCaller = new LinkedHashMap<>();
        for (int index = 0; index < records.size(); index++) {
            ConsumerRecord<String, byte[]> record = records.get(index);
            String key = header(record, properties.keyHeader());
            if (key == null) {
                deadLetters.send(record, "unauthorized", "missing header " + properties.keyHeader()
                        + " (an ingest key issued by POST /v1/admin/keys)", false);
                continue;
            }
            Optional<Caller> caller = callers.computeIfAbsent(key, keys::resolve);
            if (caller.isEmpty()) {
                deadLetters.send(record, "unauthorized", "the key in " + properties.keyHeader()
                        + " is unknown or revoked", false);
            } else if (!caller.get().roles().contains(Role.INGEST)) {
                deadLetters.send(record, caller.get().tenant(), caller.get().keyId(), "forbidden",
                        "key " + caller.get().keyId() + " lacks the ingest role", false);
            } else {
                int at = index;
                parse(record, caller.get(), deadLetters).ifPresent(event ->
                        byCaller.computeIfAbsent(caller.get(), c -> new ArrayList<>()).add(new Item(at, record, event)));
            }
        }
        Optional<Failure> failure = storeAll(byCaller, deadLetters);
        deadLetters.flush();
        if (failure.isPresent()) {
            ConsumerRecord<String, byte[]> failed = records.get(failure.get().index());
            throw new BatchListenerFailedException("record " + failed.topic() + "/" + failed.partition() + "@"
                    + failed.offset() + " could not be processed", failure.get().cause(), failure.get().index());
        }
        if (deadLetters.size() > 0) {
            log.info("{} of {} ingest records went to {}", deadLetters.size(), records.size(),
                    properties.deadLetterTopic());
        }
    }

    /** The first record (by batch index) whose processing failed other than by a store outage, and why. */
    private record Failure(int index, RuntimeException cause) {
    }

    /**
     * Stores each tenant's records; a store outage propagates at once (the batch is retried). Any other failure
     * redoes that tenant's records one at a time, so that it can be pinned on the first record it hits.
     */
    private Optional<Failure> storeAll(Map<Caller, List<Item>> byCaller, DeadLetters deadLetters) {
        Failure first = null;
        for (Map.Entry<Caller, List<Item>> group : byCaller.entrySet()) {
            try {
                store(group.getKey(), group.getValue(), deadLetters);
            } catch (StoreUnavailableException outage) {
                throw outage;
            } catch (RuntimeException unexpected) {
                for (Item item : group.getValue()) {
                    try {
                        store(group.getKey(), List.of(item), deadLetters);
                    } catch (StoreUnavailableException outage) {
                        throw outage;
                    } catch (RuntimeException e) {
                        if (first == null || item.index() < first.index()) {
                            first = new Failure(item.index(), e);
                        }
                    }
                }
            }
        }
        return Optional.ofNullable(first);
    }

    private void store(Caller caller, List<Item> items, DeadLetters deadLetters) {
        List<ItemResult> results = ingest.ingest(new IngestSource(caller.tenant(), caller.keyId(), "kafka"),
                items.stream().map(Item::event).toList());
        for (int i = 0; i < results.size(); i++) {
            ItemResult result = results.get(i);
            if (!result.stored()) {
                ItemError error = result.error();
                deadLetters.send(items.get(i).record(), caller.tenant(), caller.keyId(), error.code(), describe(error),
                        error.retryable());
            }
        }
    }

    private Optional<JsonNode> parse(ConsumerRecord<String, byte[]> record, Caller caller, DeadLetters deadLetters) {
        try {
            JsonNode event = record.value() == null ? null : json.readTree(record.value());
            if (event == null || !event.isObject()) {
                deadLetters.send(record, caller.tenant(), caller.keyId(), "malformed-json",
                        "the record value must be one JSON event object", false);
                return Optional.empty();
            }
            return Optional.of(event);
        } catch (JsonProcessingException e) {
            deadLetters.send(record, caller.tenant(), caller.keyId(), "malformed-json",
                    "the record value is not valid JSON: " + e.getOriginalMessage(), false);
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read a record held in memory", e);
        }
    }

    /** The per-item error as JSON, without the value when it is a raw user id. */
    private String describe(ItemError error) {
        ItemError shown = USER_ID.equals(error.field())
                ? new ItemError(error.code(), error.field(), null, error.limit(), error.message(), error.retryable())
                : error;
        try {
            return json.writeValueAsString(shown);
        } catch (JsonProcessingException e) {
            return error.message();
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
