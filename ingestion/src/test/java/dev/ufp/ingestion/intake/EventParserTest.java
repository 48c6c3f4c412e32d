package dev.ufp.ingestion.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ufp.ingestion.contract.ConversationStarted;
import dev.ufp.ingestion.contract.FeedbackEvent;
import dev.ufp.ingestion.contract.Limits;
import dev.ufp.ingestion.contract.Printable;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The door's rules: what the parser accepts, and that each rejection names field, value and limit. */
class EventParserTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final ValidatorFactory VALIDATORS = Validation.buildDefaultValidatorFactory();
    private static final String ID_BYTES = "at most " + Limits.ID_MAX + " bytes in UTF-8";

    /** One valid event of every type; the tests change one field at a time. */
    private static final Map<String, String> SAMPLES = Map.ofEntries(
            Map.entry("ConversationStarted", """
                    {"userId":"alice","app":"web","locale":"en","attributes":{"cohort":"beta"}}"""),
            Map.entry("PromptSubmitted", """
                    {"turnId":"t1","text":"hi","followsResponseId":"r0"}"""),
            Map.entry("ResponseGenerated", """
                    {"responseId":"r1","turnId":"t1","text":"hello","model":"m1","regenerates":"r0"}"""),
            Map.entry("ReactionAdded", """
                    {"responseId":"r1","userId":"alice","reaction":"LOVE"}"""),
            Map.entry("ReactionRemoved", """
                    {"responseId":"r1","userId":"alice","reaction":"LOVE"}"""),
            Map.entry("ResponseCopied", """
                    {"responseId":"r1","userId":"alice"}"""),
            Map.entry("ResponseShared", """
                    {"responseId":"r1","userId":"alice"}"""),
            Map.entry("RegenerateRequested", """
                    {"responseId":"r1","userId":"alice"}"""),
            Map.entry("FeedbackCommented", """
                    {"responseId":"r1","userId":"alice","text":"good","rating":5}"""),
            Map.entry("SpanCorrected", """
                    {"responseId":"r1","userId":"alice","start":0,"end":1,"correction":"x"}"""),
            Map.entry("ConversationClosed", """
                    {"reason":"done"}"""));

    @AfterAll
    static void close() {
        VALIDATORS.close();
    }

    private static EventParser parser(int maxAttributes) {
        IngestProperties limits = new IngestProperties(0, null, 0, 0, maxAttributes, null, null);
        return new EventParser(JSON, VALIDATORS, limits, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static ObjectNode event(String type) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(SAMPLES.get(type));
            ObjectNode envelope = JSON.createObjectNode().put("eventId", "e1").put("type", type)
                    .put("conversationId", "c1").put("occurredAt", "2026-11-29T10:00:00Z");
            envelope.setAll(node);
            return envelope;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode started(Map<String, String> attributes) {
        ObjectNode node = event("ConversationStarted");
        ObjectNode map = node.putObject("attributes");
        attributes.forEach(map::put);
        return node;
    }

    private static ItemError rejected(EventParser.Parsed parsed) {
        assertThat(parsed).as("expected a rejection").isInstanceOf(EventParser.Invalid.class);
        ItemError error = ((EventParser.Invalid) parsed).error();
        assertThat(error.code()).isEqualTo("invalid-field");
        assertThat(error.retryable()).isFalse();
        return error;
    }

    private static void accepted(EventParser.Parsed parsed) {
        assertThat(parsed).as(() -> parsed instanceof EventParser.Invalid invalid ? invalid.error().toString() : "")
                .isInstanceOf(EventParser.Valid.class);
    }

    @Test
    void everySampleIsValid() {
        SAMPLES.keySet().forEach(type -> accepted(parser(32).parse(event(type))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b", ".x", "_x", "-x", "x y", "ä", "", "a:b", "a\u0000"})
    void attributeNamesOutsideThePatternAreRejectedNamingTheAttribute(String name) {
        ItemError error = rejected(parser(32).parse(started(Map.of("cohort", "beta", name, "2"))));
        assertThat(error.field()).isEqualTo("attributes[" + name + "]");
        assertThat(error.value()).isEqualTo(name);
        assertThat(error.limit()).isEqualTo("pattern " + Limits.ATTRIBUTE_NAME);
    }

    @Test
    void aNameAndItsDottedExtensionAreRejectedOnTheDottedOne() {
        ItemError error = rejected(parser(32).parse(started(Map.of("a", "1", "a.b", "2"))));
        assertThat(error.field()).isEqualTo("attributes[a.b]");
    }

    @Test
    void namesInsideThePatternAreAccepted() {
        accepted(parser(32).parse(started(Map.of("cohort", "1", "Plan_2", "2", "9lives", "3", "a-b_c", "4",
                "x".repeat(64), "5"))));
        ItemError error = rejected(parser(32).parse(started(Map.of("x".repeat(65), "5"))));
        assertThat(error.field()).isEqualTo("attributes[" + "x".repeat(65) + "]");
    }

    @Test
    void attributeValuesKeepTheirLimitAndAreNamedLikeTheirKey() {
        ItemError error = rejected(parser(32).parse(started(Map.of("cohort", "v".repeat(257)))));
        assertThat(error.field()).isEqualTo("attributes[cohort]");
        assertThat(error.limit()).isEqualTo("size 0.." + Limits.ATTRIBUTE_VALUE_MAX);
    }

    @Test
    void theAttributeCountIsTheConfiguredOne() {
        Map<String, String> three = Map.of("a", "1", "b", "2", "c", "3");
        accepted(parser(3).parse(started(three)));
        Map<String, String> four = Map.of("a", "1", "b", "2", "c", "3", "d", "4");
        ItemError error = rejected(parser(3).parse(started(four)));
        assertThat(error.field()).isEqualTo("attributes");
        assertThat(error.limit()).isEqualTo("at most 3 attributes");
        accepted(parser(4).parse(started(four)));
    }

    @Test
    void theDefaultAttributeCountIs32() {
        Map<String, String> attributes = new java.util.TreeMap<>();
        IntStream.range(0, 32).forEach(i -> attributes.put("a" + i, "v"));
        accepted(parser(0).parse(started(attributes)));
        attributes.put("one-more", "v");
        assertThat(rejected(parser(0).parse(started(attributes))).limit()).isEqualTo("at most 32 attributes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31T23:59:59Z", "1999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
            "1970-01-01T00:00:00Z", "2026-12-04T12:00:00.001Z"})
    void occurredAtOutsideTheWindowIsRejectedNamingTheWindow(String occurredAt) {
        for (String type : SAMPLES.keySet()) {
            ItemError error = rejected(parser(32).parse(event(type).put("occurredAt", occurredAt)));
            assertThat(error.field()).isEqualTo("occurredAt");
            assertThat(error.value()).isEqualTo(Instant.parse(occurredAt));
            assertThat(error.limit()).isEqualTo("from 2000-01-01T00:00:00Z to now + PT24H (now: " + NOW + ")");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2000-01-01T00:00:00Z", "2026-12-03T12:00:00Z", "2026-12-04T12:00:00Z"})
    void occurredAtAtTheEdgesOfTheWindowIsAccepted(String occurredAt) {
        accepted(parser(32).parse(event("ReactionAdded").put("occurredAt", occurredAt)));
    }

    @Test
    void theWindowIsConfigurable() {
        IngestProperties limits = new IngestProperties(0, null, 0, 0, 0, Instant.parse("1990-01-01T00:00:00Z"),
                Duration.ofMinutes(5));
        EventParser parser = new EventParser(JSON, VALIDATORS, limits, Clock.fixed(NOW, ZoneOffset.UTC));
        accepted(parser.parse(event("ConversationClosed").put("occurredAt", "1995-01-01T00:00:00Z")));
        assertThat(rejected(parser.parse(event("ConversationClosed").put("occurredAt", "2026-12-03T12:05:01Z")))
                .limit()).isEqualTo("from 1990-01-01T00:00:00Z to now + PT5M (now: " + NOW + ")");
    }

    /** Every id of every event type, found by name, so that a new id field cannot miss the rules. */
    static Stream<Arguments> idFields() {
        return SAMPLES.keySet().stream().sorted().flatMap(type -> {
            return Arrays.stream(typeOf(type).getRecordComponents())
                    .map(RecordComponent::getName)
                    .filter(name -> name.endsWith("Id") || name.equals("regenerates"))
                    .map(name -> Arguments.of(type, name));
        });
    }

    private static Class<?> typeOf(String type) {
        return Arrays.stream(FeedbackEvent.class.getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class)
                        .value())
                .filter(t -> t.name().equals(type)).findFirst().orElseThrow().value();
    }

    @Test
    void theIdFieldsAreTheExpectedOnes() {
        assertThat(idFields().map(a -> a.get()[0] + "." + a.get()[1]))
                .contains("ConversationStarted.userId", "PromptSubmitted.turnId", "PromptSubmitted.followsResponseId",
                        "ResponseGenerated.regenerates", "ResponseGenerated.responseId", "ReactionAdded.eventId",
                        "ConversationClosed.conversationId")
                .hasSize(42);
    }

    @ParameterizedTest
    @MethodSource("idFields")
    void controlCharactersInAnyIdAreRejected(String type, String field) {
        for (String bad : new String[]{"\u0000", "a\u0000b", "\n", "x\u001f", "\u007f", "x\u0085y", "\ud800",
                "x\udc00"}) {
            ItemError error = rejected(parser(32).parse(event(type).put(field, bad)));
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.value()).isEqualTo(bad);
            assertThat(error.limit()).isEqualTo(Printable.LIMIT);
        }
    }

    @ParameterizedTest
    @MethodSource("idFields")
    void idsAreBoundedInUtf8BytesNotCharacters(String type, String field) {
        if (field.equals("userId")) {
            return; // hashed into a fixed-length pseudonym before storage: bounded in characters, see below
        }
        accepted(parser(32).parse(event(type).put(field, "é".repeat(64))));           // 64 chars, 128 bytes
        accepted(parser(32).parse(event(type).put(field, "😀".repeat(32))));          // 64 chars, 128 bytes
        accepted(parser(32).parse(event(type).put(field, "x".repeat(Limits.ID_MAX))));
        for (String bad : new String[]{"é".repeat(65), "😀".repeat(32) + "x", "€".repeat(43),
                "x".repeat(Limits.ID_MAX + 1)}) {
            ItemError error = rejected(parser(32).parse(event(type).put(field, bad)));
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.limit()).isEqualTo(ID_BYTES);
            assertThat(error.message()).contains("bytes in UTF-8");
        }
    }

    @Test
    void rawUserIdsKeepTheirCharacterLimit() {
        accepted(parser(32).parse(event("ReactionAdded").put("userId", "é".repeat(Limits.USER_ID_MAX))));
        assertThat(rejected(parser(32).parse(event("ReactionAdded").put("userId", "é".repeat(Limits.USER_ID_MAX + 1))))
                .limit()).isEqualTo("size 0.." + Limits.USER_ID_MAX);
    }

    @Test
    void aLongRejectedValueIsEchoedShortenedWithoutSplittingACharacter() {
        String id = "x".repeat(119) + "😀".repeat(10);
        ItemError error = rejected(parser(32).parse(event("ConversationClosed").put("conversationId", id)));
        assertThat((String) error.value()).startsWith("x".repeat(119) + "…").contains("(139 chars)");
    }

    @Test
    void storedEventsOutsideTheRulesStillRead() throws Exception {
        String stored = """
                {"type":"ConversationStarted","eventId":"e\\u0000","conversationId":"c1","occurredAt":"1990-01-01T00:00:00Z","userId":"u_x",\
                "attributes":{"a":"1","a.b":"2",".x":"3"}}""";
        ConversationStarted event = (ConversationStarted) JSON.readValue(stored, FeedbackEvent.class);
        assertThat(event.attributes()).containsKeys("a", "a.b", ".x");
    }
}
