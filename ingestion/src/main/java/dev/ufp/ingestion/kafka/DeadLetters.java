package dev.ufp.ingestion.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Collects the refused records of one batch and writes them to the dead-letter topic — original key, the value and
 * headers {@link DeadLetterContent} lets through (never the ingest key, never a raw user id), plus why — before the
 * batch's offsets are committed. If that write fails the batch is redone.
 */
final class DeadLetters {

    private final KafkaTemplate<String, byte[]> template;
    private final DeadLetterContent content;
    private final String topic;
    private final List<CompletableFuture<SendResult<String, byte[]>>> sent = new ArrayList<>();

    DeadLetters(KafkaTemplate<String, byte[]> template, DeadLetterContent content, String topic) {
        this.template = template;
        this.content = content;
        this.topic = topic;
    }

    /** A record refused before its key was known to be valid. */
    void send(ConsumerRecord<String, byte[]> record, String code, String reason, boolean retryable) {
        send(record, null, null, code, reason, retryable);
    }

    /** A record refused after its key named {@code tenant} (null when unknown). */
    void send(ConsumerRecord<String, byte[]> record, String tenant, String keyId, String code, String reason,
              boolean retryable) {
        DeadLetterContent.Letter letter = content.of(record, tenant, keyId);
        RecordHeaders headers = letter.headers();
        headers.add(KafkaHeaders.DLT_CODE, utf8(code));
        headers.add(KafkaHeaders.DLT_REASON, utf8(reason));
        headers.add(KafkaHeaders.DLT_RETRYABLE, utf8(Boolean.toString(retryable)));
        headers.add(KafkaHeaders.DLT_ORIGIN, utf8(record.topic() + "/" + record.partition() + "@" + record.offset()));
        sent.add(template.send(new ProducerRecord<>(topic, null, record.key(), letter.value(), headers)));
    }

    int size() {
        return sent.size();
    }

    /** Waits until the broker has every dead letter; throws (so the batch is retried) otherwise. */
    void flush() {
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write dead letters to " + topic + "; the batch will be retried", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing dead letters", e);
        }
    }

    private static byte[] utf8(String value) {
        return DeadLetterContent.utf8(value);
    }
}
