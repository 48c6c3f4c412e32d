package dev.ufp.infra.client;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.List;

/** One way of delivering a batch of events to the platform (for one tenant). */
public interface EventTransport extends AutoCloseable {

    /** Delivers the batch; what the platform said about it, when the channel says it at once. */
    BatchOutcome send(List<ObjectNode> batch) throws IOException, InterruptedException;

    /** Waits until everything sent is delivered. */
    default void flush() {
    }

    @Override
    default void close() {
    }
}
