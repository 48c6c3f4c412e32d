package dev.ufp.ingestion.conversation;

import dev.ufp.ingestion.contract.ConversationClosed;
import dev.ufp.ingestion.contract.ConversationStarted;
import dev.ufp.ingestion.contract.EventMetadata;
import dev.ufp.ingestion.contract.FeedbackEvent;
import dev.ufp.ingestion.contract.PromptSubmitted;
import dev.ufp.ingestion.contract.Reaction;
import dev.ufp.ingestion.contract.ReactionAdded;
import dev.ufp.ingestion.contract.ReactionRemoved;
import dev.ufp.ingestion.contract.ResponseCopied;
import dev.ufp.ingestion.contract.ResponseGenerated;
import dev.ufp.ingestion.contract.SpanCorrected;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationTest {

    private static final String TENANT = "acme";
    private static final String KEY = "acme:c1";
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final Map<String, String> META = Map.of(EventMetadata.TENANT, TENANT);

    private FixtureConfiguration<Conversation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Conversation.class);
    }

    private static ConversationStarted started() {
        return new ConversationStarted("e-start", "c1", T0, "u_alice", "chat", "en", Map.of("cohort", "beta"));
    }

    private static PromptSubmitted prompt(String eventId, String turnId, String follows) {
        return new PromptSubmitted(eventId, "c1", T0, turnId, "How do I sort a list?", follows);
    }

    private static ResponseGenerated response(String eventId, String responseId, String turnId, String regenerates) {
        return new ResponseGenerated(eventId, "c1", T0, responseId, turnId, "Use sorted(xs).", "m1", "v1", "A",
                regenerates, 120L, 10, 5);
    }

    private static ReactionAdded love(String eventId, String responseId) {
        return new ReactionAdded(eventId, "c1", T0, responseId, "u_alice", Reaction.LOVE, "❤️");
    }

    private static RecordEventsCommand command(FeedbackEvent... events) {
        return new RecordEventsCommand(KEY, java.util.List.of(events), META);
    }

    private Object[] history(FeedbackEvent... events) {
        Object[] messages = new Object[events.length];
        for (int i = 0; i < events.length; i++) {
            messages[i] = new GenericDomainEventMessage<>("Conversation", KEY, i, events[i], MetaData.from(META));
        }
        return messages;
    }

    private org.axonframework.test.aggregate.TestExecutor<Conversation> givenHistory(FeedbackEvent... events) {
        return fixture.given(java.util.List.of(history(events)));
    }

    private static org.hamcrest.Matcher<Object> only(RejectionMatcher outcome) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof java.util.List<?> list && list.size() == 1 && outcome.matches(list.get(0));
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a single ").appendDescriptionOf(outcome);
            }
        };
    }

    @Test
    void decidesEveryEventOfACommandInOrderAndOutOfOrderTargetsAfterTheirTarget() {
        ReactionAdded early = love("e-l1", "r1");
        fixture.givenNoPriorActivity()
                .when(command(early, started(), prompt("e-p1", "t1", null), response("e-r1", "r1", "t1", null),
                        prompt("e-p1", "t1", null)))
                .expectEvents(started(), prompt("e-p1", "t1", null), response("e-r1", "r1", "t1", null), early)
                .expectResultMessagePayload(java.util.List.of(RecordOutcome.ACCEPTED, RecordOutcome.ACCEPTED,
                        RecordOutcome.ACCEPTED, RecordOutcome.ACCEPTED, RecordOutcome.DUPLICATE));
    }

    @Test
    void aRejectedEventInTheMiddleOfACommandDoesNotStopItsNeighbours() {
        SpanCorrected outOfRange = new SpanCorrected("e-s1", "c1", T0, "r1", "u_alice", 0, 999, "x");
        givenHistory(started(), prompt("e-p1", "t1", null), response("e-r1", "r1", "t1", null))
                .when(command(love("e-l1", "r1"), outOfRange, love("e-l2", "r1"),
                        new ResponseCopied("e-c1", "c1", T0, "r1", "u_alice")))
                .expectEvents(love("e-l1", "r1"), new ResponseCopied("e-c1", "c1", T0, "r1", "u_alice"))
                .expectResultMessagePayloadMatching(new org.hamcrest.TypeSafeMatcher<Object>() {
                    @Override
                    protected boolean matchesSafely(Object item) {
                        java.util.List<?> outcomes = (java.util.List<?>) item;
                        return outcomes.get(0).equals(RecordOutcome.ACCEPTED)
                                && new PermanentRejection("span-out-of-range").matches(outcomes.get(1))
                                && outcomes.get(2).equals(RecordOutcome.DUPLICATE)
                                && outcomes.get(3).equals(RecordOutcome.ACCEPTED);
                    }

                    @Override
                    public void describeTo(org.hamcrest.Description description) {
                        description.appendText("accepted, span-out-of-range, duplicate, accepted");
                    }
                });
    }

    @Test
    void startsAConversation() {
        fixture.givenNoPriorActivity()
                .when(command(started()))
                .expectEvents(started())
                .expectResultMessagePayload(java.util.List.of(RecordOutcome.ACCEPTED));
    }

    @Test
    void rejectsEventsOfAConversationNotStartedYetAsRetryable() {
        fixture.givenNoPriorActivity()
                .when(command(prompt("e-p1", "t1", null)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(only(new RetryableRejection("conversation-not-started")));
    }

    @Test
    void storesAResentEventOnlyOnce() {
        givenHistory(started(), prompt("e-p1", "t1", null))
                .when(command(prompt("e-p1", "t1", null)))
                .expectNoEvents()
                .expectResultMessagePayload(java.util.List.of(RecordOutcome.DUPLICATE));
    }

    @Test
    void rejectsASecondStart() {
        givenHistory(started())
                .when(command(new ConversationStarted("e-other", "c1", T0, "u_bob", null, null, null)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(only(new PermanentRejection("conversation-already-started")));
    }

    @Test
    void rejectsASecondPromptForTheSameTurn() {
        givenHistory(started(), prompt("e-p1", "t1", null))
                .when(command(prompt("e-p2", "t1", null)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(only(new PermanentRejection("turn-exists")));
    }

    @Test
    void rejectsAResponseToATurnNotSeenYetAsRetryable() {
        givenHistory(started())
                .when(command(response("e-r1", "r1", "t9", null)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(only(new RetryableRejection("unknown-turn")));
    }

    @Test
    void acceptsAResponseToAKnownTurn() {
        givenHistory(started(), prompt("e-p1", "t1", null))
                .when(command(response("e-r1", "r1", "t1", null)))
                .expectEvents(response("e-r1", "r1", "t1", null));
    }

    @Test
    void rejectsASecondResponseWithTheSameId() {
        givenHistory(started(), prompt("e-p1", "t1", null), response("e-r1", "r1", "t1", null))
                .when(command(response("e-r2", "r1", "t1", null)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(only(new PermanentRejection("response-exists")));
    }

    @Test
    void regenerationMustNameAnExistingResponse() {
        givenHistory(started(), prompt("e-p1", "t1", null))
                .when(command(response("e-r2", "r2", "t1", "r-missing")))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(only(new RetryableRejection("unknown-response")));
    }

    @Test
    void acceptsARegenerationOfAnExistingResponse() {
        givenHistory(started(), prompt("e-p1", "t1", null), response("e-r1", "r1", "t1", null))
                .when(command(response("e-r2", "r2", "t1", "r1")))
                .expectEvents(response("e-r2", "r2", "t1", "r1"));
    }

    @Test
    void followUpMustNameAResponseOfThisConversation() {
        givenHistory(started(), prompt("e-p1", "t1", null))
                .when(command(prompt("e-p2", "t2", "r-elsewhere")))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(only(new RetryableRejection("unknown-response")));
    }

    @Test
    void reactionBeforeItsResponseIsRetryable() {
        givenHistory(started(), prompt("e-p1", "t1", null))
                .when(command(love("e-l1", "r1")))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(only(new RetryableRejection("unknown-response")));
    }

    @Test
    void reAddingALiveReactionIsADuplicate() {
        givenHistory(started(), prompt("e-p1", "t1", null), response("e-r1", "r1", "t1", null), love("e-l1", "r1"))
                .when(command(love("e-l2", "r1")))
                .expectNoEvents()
                .expectResultMessagePayload(java.util.List.of(RecordOutcome.DUPLICATE));
    }

    @Test
    void aRemovedReactionCanBeAddedAgain() {
        givenHistory(started(), prompt("e-p1", "t1", null), response("e-r1", "r1", "t1", null), love("e-l1", "r1"),
                new ReactionRemoved("e-x1", "c1", T0, "r1", "u_alice", Reaction.LOVE, null))
                .when(command(love("e-l2", "r1")))
                .expectEvents(love("e-l2", "r1"));
    }

    @Test
    void removingAReactionThatIsNotLiveIsRejectedWithAReason() {
        givenHistory(started(), prompt("e-p1", "t1", null), response("e-r1", "r1", "t1", null), love("e-l1", "r1"))
                .when(command(new ReactionRemoved("e-x1", "c1", T0, "r1", "u_alice", Reaction.THUMBS_UP, null)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(only(new PermanentRejection("reaction-not-live")));
    }

    @Test
    void differentKindsAndUsersReactIndependently() {
        ReactionAdded bobLoves = new ReactionAdded("e-l2", "c1", T0, "r1", "u_bob", Reaction.LOVE, null);
        givenHistory(started(), prompt("e-p1", "t1", null), response("e-r1", "r1", "t1", null), love("e-l1", "r1"))
                .when(command(bobLoves)).expectEvents(bobLoves);
    }

    @Test
    void copiesOnlyResponsesOfThisConversation() {
        givenHistory(started(), prompt("e-p1", "t1", null))
                .when(command(new ResponseCopied("e-c1", "c1", T0, "r1", "u_alice")))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(only(new RetryableRejection("unknown-response")));
    }

    @Test
    void spanMustLieInsideTheResponseText() {
        int length = "Use sorted(xs).".length();
        givenHistory(started(), prompt("e-p1", "t1", null), response("e-r1", "r1", "t1", null))
                .when(command(new SpanCorrected("e-s1", "c1", T0, "r1", "u_alice", 4, length + 1, "fix")))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(only(new PermanentRejection("span-out-of-range")));
    }

    @Test
    void spanMustNotBeEmpty() {
        givenHistory(started(), prompt("e-p1", "t1", null), response("e-r1", "r1", "t1", null))
                .when(command(new SpanCorrected("e-s1", "c1", T0, "r1", "u_alice", 5, 5, "fix")))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(only(new PermanentRejection("span-empty")));
    }

    @Test
    void acceptsASpanInsideTheResponse() {
        SpanCorrected span = new SpanCorrected("e-s1", "c1", T0, "r1", "u_alice", 4, 14, "sorted(xs, key=len)");
        givenHistory(started(), prompt("e-p1", "t1", null), response("e-r1", "r1", "t1", null))
                .when(command(span)).expectEvents(span);
    }

    @Test
    void noNewTurnsAfterClose() {
        givenHistory(started(), new ConversationClosed("e-close", "c1", T0, "user-left"))
                .when(command(prompt("e-p1", "t1", null)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(only(new PermanentRejection("conversation-closed")));
    }

    @Test
    void reactionsStillCountAfterClose() {
        givenHistory(started(), prompt("e-p1", "t1", null), response("e-r1", "r1", "t1", null),
                new ConversationClosed("e-close", "c1", T0, null))
                .when(command(love("e-l1", "r1"))).expectEvents(love("e-l1", "r1"));
    }

    @Test
    void tenantMetadataIsStoredWithTheEvent() {
        fixture.givenNoPriorActivity()
                .when(command(started()))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        new TenantMatcher(TENANT), org.axonframework.test.matchers.Matchers.andNoMore()));
        assertThat(META).containsEntry(EventMetadata.TENANT, TENANT);
    }
}
