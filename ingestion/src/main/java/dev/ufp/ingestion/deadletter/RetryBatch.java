package dev.ufp.ingestion.deadletter;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * For a handler of a processor with a dead-letter queue, where every exception a handler throws parks its event:
 * a failure that heals by waiting (a store down, a document not written yet) must instead fail the whole batch,
 * which the processor then retries from its last token with back-off. This fails the current unit of work when it
 * commits, so nothing is parked and nothing is skipped.
 */
public final class RetryBatch {

    private RetryBatch() {
    }

    public static void failAtCommit(RuntimeException transientFailure) {
        CurrentUnitOfWork.get().onPrepareCommit(u -> {
            throw transientFailure;
        });
    }
}
