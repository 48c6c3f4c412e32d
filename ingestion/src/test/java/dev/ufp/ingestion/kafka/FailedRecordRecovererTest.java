package dev.ufp.ingestion.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ufp.ingestion.tenancy.Caller;
import dev.ufp.ingestion.tenancy.KeyAuthenticator;
import dev.ufp.ingestion.tenancy.Pseudonymizer;
import dev.ufp.ingestion.tenancy.Role;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaOperations;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The dead letter spring-kafka's recoverer writes for a record the error handler gave up on. */
class FailedRecordRecovererTest {

    private static final String DLT = "feedback.ingest.v1.dlt";

    @SuppressWarnings("unchecked")
    private final KafkaOperations<String, byte[]> template = mock(KafkaOperations.class);
    private final Pseudonymizer pseudonymizer = mock(Pseudonymizer.class);
    private final KeyAuthenticator keys = mock(KeyAuthenticator.class);
    private final FeedbackKafkaProperties properties = new FeedbackKafkaProperties(true, null, null, null, 0, null, 0,
            List.of("traceparent"), Duration.ofSeconds(30), 3);
    private final FailedRecordRecoverer recoverer = new FailedRecordRecoverer(template,
            new DeadLetterContent(pseudonymizer, new ObjectMapper(), properties), keys, properties);

    private static ConsumerRecord<String, byte[]> record(String value, String... headers) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("feedback.ingest.v1", 2, 41L, "c1",
                value.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            record.headers().add(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private static Map<String, String> headers(ProducerRecord<Object, Object> letter) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : letter.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static RecordHeaders springHeaders() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("kafka_dlt-original-topic", "feedback.ingest.v1".getBytes(StandardCharsets.UTF_8));
        headers.add("kafka_dlt-original-offset", "41".getBytes(StandardCharsets.UTF_8));
        headers.add("feedback-key", "ufp_secret".getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    @Test
    void keepsNoKeyAndPseudonymisesTheUserIdOfATenantsRecord() throws Exception {
        when(keys.resolve("ufp_secret")).thenReturn(Optional.of(new Caller("k1", "acme", Set.of(Role.INGEST), false)));
        when(pseudonymizer.pseudonymize("acme", "alice")).thenReturn("u_pseudonym");
        ConsumerRecord<String, byte[]> record = record("{\"eventId\":\"e1\",\"userId\":\"alice\"}",
                "feedback-key", "ufp_secret", "traceparent", "00-abc", "cookie", "session=1");

        ProducerRecord<Object, Object> letter = recoverer.createProducerRecord(record, new TopicPartition(DLT, -1),
                springHeaders(), null, null);

        assertThat(letter.topic()).isEqualTo(DLT);
        assertThat(letter.partition()).isNull();
        assertThat(letter.key()).isEqualTo("c1");
        assertThat(new ObjectMapper().readTree((byte[]) letter.value()).get("userId").asText()).isEqualTo("u_pseudonym");
        assertThat(headers(letter)).doesNotContainKeys("feedback-key", "cookie")
                .containsEntry("traceparent", "00-abc")
                .containsEntry("kafka_dlt-original-topic", "feedback.ingest.v1")
                .containsEntry("feedback-dlt-code", "processing-failed")
                .containsEntry("feedback-dlt-origin", "feedback.ingest.v1/2@41")
                .containsEntry("feedback-tenant", "acme")
                .containsEntry("feedback-dlt-key-id", "k1");
        assertThat(String.join("|", headers(letter).values())).doesNotContain("ufp_secret").doesNotContain("alice");
    }

    @Test
    void dropsTheUserIdWithoutATenantAndLeavesOutAValueThatIsNotJson() {
        ProducerRecord<Object, Object> unsigned = recoverer.createProducerRecord(
                record("{\"eventId\":\"e1\",\"userId\":\"alice\"}"), new TopicPartition(DLT, -1), new RecordHeaders(),
                null, null);
        assertThat(new String((byte[]) unsigned.value(), StandardCharsets.UTF_8)).isEqualTo("{\"eventId\":\"e1\"}");

        ProducerRecord<Object, Object> garbage = recoverer.createProducerRecord(record("{\"userId\":\"alice\","),
                new TopicPartition(DLT, -1), new RecordHeaders(), null, null);
        assertThat(garbage.value()).isNull();
        assertThat(headers(garbage)).containsEntry("feedback-dlt-value-bytes", "18")
                .containsKey("feedback-dlt-value-sha256");
    }

    @Test
    void refusesToCopyTheKeyHeader() {
        FeedbackKafkaProperties leaky = new FeedbackKafkaProperties(true, null, null, null, 0, null, 0,
                List.of("feedback-key"), null, 0);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new DeadLetterContent(pseudonymizer, new ObjectMapper(), leaky))
                .hasMessageContaining("must not name the key header");
    }
}
