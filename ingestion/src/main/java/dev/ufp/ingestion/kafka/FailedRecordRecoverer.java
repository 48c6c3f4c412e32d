package dev.ufp.ingestion.kafka;

import dev.ufp.ingestion.tenancy.Caller;
import dev.ufp.ingestion.tenancy.KeyAuthenticator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * spring-kafka's dead-letter publisher for records the error handler gives up on (a failure pinned on one record
 * that retries did not heal): the same topic, code, reason and contents rules as the listener's own dead letters
 * ({@link DeadLetterContent}: no ingest key, no raw user id), plus spring-kafka's {@code kafka_dlt-original-*} and
 * {@code kafka_dlt-exception-fqcn} headers. The exception's message and stack trace are not copied: driver
 * messages can carry payload values.
 */
final class FailedRecordRecoverer extends DeadLetterPublishingRecoverer {

    private static final String SPRING_DLT_PREFIX = "kafka_dlt-";
    private static final String CODE = "processing-failed";

    private final DeadLetterContent content;
    private final KeyAuthenticator keys;
    private final String keyHeader;

    FailedRecordRecoverer(KafkaOperations<String, byte[]> template, DeadLetterContent content, KeyAuthenticator keys,
                          FeedbackKafkaProperties properties) {
        super(template, (record, failure) -> new TopicPartition(properties.deadLetterTopic(), -1));
        this.content = content;
        this.keys = keys;
        this.keyHeader = properties.keyHeader();
        excludeHeader(HeaderNames.HeadersToAdd.EX_MSG, HeaderNames.HeadersToAdd.EX_STACKTRACE);
        setAppendOriginalHeaders(false);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record,
                                                                  TopicPartition topicPartition, Headers headers,
                                                                  byte[] key, byte[] value) {
        ConsumerRecord<?, byte[]> original = (ConsumerRecord<?, byte[]>) record;
        Optional<Caller> caller = caller(record);
        DeadLetterContent.Letter letter = content.of(original, caller.map(Caller::tenant).orElse(null),
                caller.map(Caller::keyId).orElse(null));
        RecordHeaders out = letter.headers();
        for (Header header : headers) {
            if (header.key().startsWith(SPRING_DLT_PREFIX)) {
                out.add(header);
            }
        }
        out.add(KafkaHeaders.DLT_CODE, DeadLetterContent.utf8(CODE));
        out.add(KafkaHeaders.DLT_REASON, DeadLetterContent.utf8(
                "processing failed after retries; the platform's log names the cause"));
        out.add(KafkaHeaders.DLT_RETRYABLE, DeadLetterContent.utf8("true"));
        out.add(KafkaHeaders.DLT_ORIGIN, DeadLetterContent.utf8(
                record.topic() + "/" + record.partition() + "@" + record.offset()));
        Integer partition = topicPartition.partition() < 0 ? null : topicPartition.partition();
        return new ProducerRecord<>(topicPartition.topic(), partition, record.key(), letter.value(), out);
    }

    private Optional<Caller> caller(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(keyHeader);
        return header == null || header.value() == null ? Optional.empty()
                : keys.resolve(new String(header.value(), StandardCharsets.UTF_8));
    }
}
