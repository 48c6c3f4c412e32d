package dev.ufp.ingestion.conversation;

import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;

import dev.ufp.ingestion.contract.EventMetadata;

/** Matches a rejected {@link RecordOutcome} with a given code and retryability. */
class RejectionMatcher extends TypeSafeMatcher<Object> {
    private final String code;
    private final boolean retryable;

    RejectionMatcher(String code, boolean retryable) {
        this.code = code;
        this.retryable = retryable;
    }

    @Override
    protected boolean matchesSafely(Object item) {
        return item instanceof RecordOutcome outcome
                && outcome.status() == RecordOutcome.Status.REJECTED
                && outcome.rejection().code().equals(code)
                && outcome.rejection().retryable() == retryable
                && outcome.rejection().field() != null
                && outcome.rejection().message() != null;
    }

    @Override
    public void describeTo(Description description) {
        description.appendText((retryable ? "retryable" : "permanent") + " rejection " + code);
    }
}

class RetryableRejection extends RejectionMatcher {
    RetryableRejection(String code) {
        super(code, true);
    }
}

class PermanentRejection extends RejectionMatcher {
    PermanentRejection(String code) {
        super(code, false);
    }
}

class TenantMatcher extends TypeSafeMatcher<EventMessage<?>> {
    private final String tenant;

    TenantMatcher(String tenant) {
        this.tenant = tenant;
    }

    @Override
    protected boolean matchesSafely(EventMessage<?> item) {
        return tenant.equals(item.getMetaData().get(EventMetadata.TENANT));
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("event with tenant " + tenant);
    }
}
