package dev.ufp.ingestion.conversation;

/** The aggregate's verdict on one event. Business rejections are values, never exceptions. */
public record RecordOutcome(Status status, Rejection rejection) {

    public enum Status { ACCEPTED, DUPLICATE, REJECTED }

    static final RecordOutcome ACCEPTED = new RecordOutcome(Status.ACCEPTED, null);
    static final RecordOutcome DUPLICATE = new RecordOutcome(Status.DUPLICATE, null);

    static RecordOutcome rejected(Rejection rejection) {
        return new RecordOutcome(Status.REJECTED, rejection);
    }

    public boolean retryable() {
        return rejection != null && rejection.retryable();
    }
}
