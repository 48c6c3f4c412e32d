package dev.ufp.ingestion.intake;

/** The event store could not take an event after retries; nothing about the request was wrong. */
public class StoreUnavailableException extends RuntimeException {

    StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
