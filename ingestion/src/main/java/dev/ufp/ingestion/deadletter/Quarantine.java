package dev.ufp.ingestion.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Events a batching processor found it can never apply, by message id, with the reason. The batch that found them
 * fails; when the processor delivers it again, {@link #check} throws for a marked event inside the handler, where
 * Axon's dead-letter queue takes it (and the later events of its sequence), and the rest of the batch goes on.
 * Marks live in this JVM only: a node that claims the segment instead finds the poison again by itself. Bounded;
 * a stale mark (its event never delivered again) costs nothing but memory.
 */
public final class Quarantine {

    private static final int MAX_MARKS = 10_000;

    private final Map<String, String> marked = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_MARKS;
        }
    };

    public synchronized void mark(String messageId, String reason) {
        marked.put(messageId, reason);
    }

    /** Throws {@link UnprocessableEvent} (and forgets the mark) when {@code message} was marked. */
    public void check(EventMessage<?> message) {
        String reason;
        synchronized (this) {
            reason = marked.remove(message.getIdentifier());
        }
        if (reason != null) {
            throw new UnprocessableEvent(reason);
        }
    }

    public synchronized int size() {
        return marked.size();
    }

    /**
     * True while the current unit of work retries a dead letter (one event on its own): a failure there goes back
     * to the queue as it is, nothing needs isolating.
     */
    public static boolean retryingDeadLetter() {
        return CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().resources().containsKey(DeadLetter.class.getName());
    }
}
