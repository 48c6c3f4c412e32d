package dev.ufp.ingestion.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ufp.ingestion.intake.IngestService;
import dev.ufp.ingestion.intake.IngestSource;
import dev.ufp.ingestion.intake.ItemError;
import dev.ufp.ingestion.intake.ItemResult;
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
 * transaction per tenant in the batch). Accepted and duplicate records are done; malformed, invalid and
 * unauthorised ones go to the dead-letter topic with the reason; a store failure retries the batch.
 */
@Component
@ConditionalOnProperty(name = "feedback.kafka.enabled", havingValue = "true", matchIfMissing = true)
class IngestTopicListener {

    private static final Logger log = LoggerFactory.getLogger(IngestTopicListener.class);

    private final IngestService ingest;
    private final KeyAuthenticator keys;
    private final KafkaTemplate<String, byte[]> template;
    private final FeedbackKafkaProperties properties;
    private final ObjectMapper json;

    IngestTopicListener(IngestService ingest, KeyAuthenticator keys, KafkaTemplate<String, byte[]> template,
                        FeedbackKafkaProperties properties, ObjectMapper json) {
        this.ingest = ingest;
        this.keys = keys;
        this.template = template;
        this.properties = properties;
        this.json = json;
    }

    private record Item(ConsumerRecord<String, byte[]> record, JsonNode event) {
    }

    @KafkaListener(id = "feedback-ingest", topics = "${feedback.kafka.ingest-topic:feedback.ingest.v1}",
            containerFactory = "ingestListenerFactory")
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        DeadLetters deadLetters = new DeadLetters(template, properties.deadLetterTopic());
        Map<String, Optional<Caller>> callers = new HashMap<>();
        Map<Caller, List<Item>> byCaller = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
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
                deadLetters.send(record, "forbidden", "key " + caller.get().keyId() + " lacks the ingest role", false);
            } else {
                parse(record, deadLetters).ifPresent(event ->
                        byCaller.computeIfAbsent(caller.get(), c -> new ArrayList<>()).add(new Item(record, event)));
            }
        }
        byCaller.forEach((caller, items) -> store(caller, items, deadLetters));
        deadLetters.flush();
        if (deadLetters.size() > 0) {
            log.info("{} of {} ingest records went to {}", deadLetters.size(), records.size(),
                    properties.deadLetterTopic());
        }
    }

    private void store(Caller caller, List<Item> items, DeadLetters deadLetters) {
        List<ItemResult> results = ingest.ingest(new IngestSource(caller.tenant(), caller.keyId(), "kafka"),
                items.stream().map(Item::event).toList());
        for (int i = 0; i < results.size(); i++) {
            ItemResult result = results.get(i);
            if (!result.stored()) {
                ItemError error = result.error();
                deadLetters.send(items.get(i).record(), error.code(), describe(error), error.retryable());
            }
        }
    }

    private Optional<JsonNode> parse(ConsumerRecord<String, byte[]> record, DeadLetters deadLetters) {
        try {
            JsonNode event = record.value() == null ? null : json.readTree(record.value());
            if (event == null || !event.isObject()) {
                deadLetters.send(record, "malformed-json", "the record value must be one JSON event object", false);
                return Optional.empty();
            }
            return Optional.of(event);
        } catch (JsonProcessingException e) {
            deadLetters.send(record, "malformed-json", "the record value is not valid JSON: " + e.getOriginalMessage(),
                    false);
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read a record held in memory", e);
        }
    }

    private String describe(ItemError error) {
        try {
            return json.writeValueAsString(error);
        } catch (JsonProcessingException e) {
            return error.message();
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
