package dev.ufp.ingestion.deadletter;

/**
 * An event a processor cannot apply, and retrying will not help until someone fixes the cause: thrown by a
 * handler so Axon's dead-letter queue parks the event (and the rest of its sequence) with this reason.
 */
public final class UnprocessableEvent extends RuntimeException {

    public UnprocessableEvent(String reason) {
        super(reason, null, false, false);
    }
}
