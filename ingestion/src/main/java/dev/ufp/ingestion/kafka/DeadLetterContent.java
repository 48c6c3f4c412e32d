package dev.ufp.ingestion.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ufp.ingestion.tenancy.Pseudonymizer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * What of a refused ingest record may sit in the dead-letter topic. Headers: only those named in
 * {@code feedback.kafka.dead-letter-headers} are copied (never the ingest key header); the tenant and key id are
 * added when the key was known. Value: a JSON event with its {@code userId} replaced by the same pseudonym the
 * store would record (removed when the tenant is unknown); a value that is not a JSON object is left out, with its
 * SHA-256 and size so that the sender can find it.
 */
@Component
@ConditionalOnProperty(name = "feedback.kafka.enabled", havingValue = "true", matchIfMissing = true)
class DeadLetterContent {

    private static final String USER_ID = "userId";

    private final Pseudonymizer pseudonymizer;
    private final ObjectMapper json;
    private final Set<String> copiedHeaders;

    DeadLetterContent(Pseudonymizer pseudonymizer, ObjectMapper json, FeedbackKafkaProperties properties) {
        this.pseudonymizer = pseudonymizer;
        this.json = json;
        this.copiedHeaders = Set.copyOf(properties.deadLetterHeaders());
        if (copiedHeaders.contains(properties.keyHeader())) {
            throw new IllegalStateException("feedback.kafka.dead-letter-headers must not name the key header "
                    + properties.keyHeader() + ": dead letters never carry ingest keys");
        }
    }

    /** The dead letter's value and the headers copied from the original record. */
    record Letter(byte[] value, RecordHeaders headers) {
    }

    /**
     * @param tenant the tenant whose key signed the record, null when no valid key came with it
     * @param keyId  that key's id (not its secret), null when unknown
     */
    Letter of(ConsumerRecord<?, byte[]> record, String tenant, String keyId) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (copiedHeaders.contains(header.key())) {
                headers.add(header);
            }
        }
        if (tenant != null) {
            headers.add(KafkaHeaders.TENANT, utf8(tenant));
        }
        if (keyId != null) {
            headers.add(KafkaHeaders.DLT_KEY_ID, utf8(keyId));
        }
        byte[] value = value(record.value(), tenant);
        if (value == null && record.value() != null) {
            headers.add(KafkaHeaders.DLT_VALUE_SHA256, utf8(sha256(record.value())));
            headers.add(KafkaHeaders.DLT_VALUE_BYTES, utf8(Integer.toString(record.value().length)));
        }
        return new Letter(value, headers);
    }

    private byte[] value(byte[] original, String tenant) {
        if (original == null) {
            return null;
        }
        JsonNode event;
        try {
            event = json.readTree(original);
        } catch (IOException notJson) {
            return null;
        }
        if (!(event instanceof ObjectNode object)) {
            return null;
        }
        JsonNode userId = object.get(USER_ID);
        if (userId != null) {
            if (tenant != null && userId.isTextual()) {
                object.put(USER_ID, pseudonymizer.pseudonymize(tenant, userId.asText()));
            } else {
                object.remove(USER_ID);
            }
        }
        try {
            return json.writeValueAsBytes(object);
        } catch (IOException e) {
            return null;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
