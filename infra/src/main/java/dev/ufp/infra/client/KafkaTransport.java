package dev.ufp.infra.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The ingest topic {@code feedback.ingest.v1}: one record per event, key = conversationId (per-conversation
 * order), header {@code feedback-key} = the tenant's ingest key. Outcomes are not answered here: refused records
 * go to the dead-letter topic.
 */
public final class KafkaTransport implements EventTransport {

    public static final String INGEST_TOPIC = "feedback.ingest.v1";

    private final KafkaProducer<String, byte[]> producer;
    private final byte[] key;
    private final ObjectMapper json = new ObjectMapper();

    public KafkaTransport(String bootstrap, String key) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 10),
                new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public BatchOutcome send(List<ObjectNode> batch) throws JsonProcessingException {
        for (ObjectNode event : batch) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(INGEST_TOPIC,
                    event.get("conversationId").asText(), json.writeValueAsBytes(event));
            record.headers().add("feedback-key", key);
            producer.send(record);
        }
        return BatchOutcome.sentOnly(batch.size());
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
