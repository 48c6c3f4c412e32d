package dev.ufp.infra.client;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.List;

/** {@code POST /v1/events} with one tenant's ingest key. */
public record HttpTransport(PlatformClient client, String key) implements EventTransport {

    @Override
    public BatchOutcome send(List<ObjectNode> batch) throws IOException, InterruptedException {
        return BatchOutcome.of(client.postEvents(key, batch));
    }
}
