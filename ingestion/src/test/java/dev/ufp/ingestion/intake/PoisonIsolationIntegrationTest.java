package dev.ufp.ingestion.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ufp.ingestion.IngestionTestApplication;
import dev.ufp.itsupport.PlatformNode;
import dev.ufp.itsupport.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.ufp.ingestion.ApiTestSupport.prompt;
import static dev.ufp.ingestion.ApiTestSupport.response;
import static dev.ufp.ingestion.ApiTestSupport.started;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values that PostgreSQL (or the serializer in front of it) cannot store, sent in a batch beside a good
 * conversation: the bad item is rejected naming its field, the good conversation is stored, nothing is a 5xx.
 */
class PoisonIsolationIntegrationTest {

    private static PostgresDatabase database;
    private static PlatformNode node;
    private static String key;

    @BeforeAll
    static void start() throws Exception {
        database = PostgresDatabase.create("ufp_it_poison");
        node = PlatformNode.start(database, IngestionTestApplication.class);
        key = node.issueKey("poison", "ingest", "analyst");
    }

    @AfterAll
    static void stop() {
        node.close();
        database.close();
    }

    /** JSON escapes as they travel on the wire: {@code \\u0000} is a NUL, {@code \\ud800} a lone surrogate. */
    static Stream<Arguments> poisons() {
        return Stream.of(
                Arguments.of("conversationId", "{\"eventId\":\"@E@\",\"type\":\"ConversationStarted\",\"conversationId\":\"@C@\\u0000x\",\"occurredAt\":\"2026-11-29T10:00:00Z\",\"userId\":\"u\"}"),
                Arguments.of("text", "{\"eventId\":\"@E@\",\"type\":\"PromptSubmitted\",\"conversationId\":\"@C@\",\"occurredAt\":\"2026-11-29T10:00:01Z\",\"turnId\":\"t0\",\"text\":\"a\\u0000b\"}"),
                Arguments.of("text", "{\"eventId\":\"@E@\",\"type\":\"PromptSubmitted\",\"conversationId\":\"@C@\",\"occurredAt\":\"2026-11-29T10:00:01Z\",\"turnId\":\"t0\",\"text\":\"a\\ud800b\"}"),
                Arguments.of("model", "{\"eventId\":\"@E@\",\"type\":\"ResponseGenerated\",\"conversationId\":\"@C@\",\"occurredAt\":\"2026-11-29T10:00:02Z\",\"responseId\":\"r0\",\"turnId\":\"t0\",\"text\":\"x\",\"model\":\"m\\udc00\"}"),
                Arguments.of("text", "{\"eventId\":\"@E@\",\"type\":\"ResponseGenerated\",\"conversationId\":\"@C@\",\"occurredAt\":\"2026-11-29T10:00:02Z\",\"responseId\":\"r0\",\"turnId\":\"t0\",\"text\":\"\\ud83d\",\"model\":\"m\"}"),
                Arguments.of("attributes[plan]", "{\"eventId\":\"@E@\",\"type\":\"ConversationStarted\",\"conversationId\":\"@C@\",\"occurredAt\":\"2026-11-29T10:00:00Z\",\"userId\":\"u\",\"attributes\":{\"plan\":\"p\\u0000\"}}"),
                Arguments.of("attributes[plan]", "{\"eventId\":\"@E@\",\"type\":\"ConversationStarted\",\"conversationId\":\"@C@\",\"occurredAt\":\"2026-11-29T10:00:00Z\",\"userId\":\"u\",\"attributes\":{\"plan\":\"p\\udbff\"}}"),
                Arguments.of("app", "{\"eventId\":\"@E@\",\"type\":\"ConversationStarted\",\"conversationId\":\"@C@\",\"occurredAt\":\"2026-11-29T10:00:00Z\",\"userId\":\"u\",\"app\":\"a\\ud800\"}"),
                Arguments.of("locale", "{\"eventId\":\"@E@\",\"type\":\"ConversationStarted\",\"conversationId\":\"@C@\",\"occurredAt\":\"2026-11-29T10:00:00Z\",\"userId\":\"u\",\"locale\":\"\\u0000\"}"));
    }

    @ParameterizedTest(name = "{index}: {0} in {1}")
    @MethodSource("poisons")
    void anUnstorableValueIsRejectedAloneAndTheRestOfTheBatchIsStored(String field, String template) throws Exception {
        String bad = "bad-" + UUID.randomUUID();
        String good = "good-" + UUID.randomUUID();
        String hostile = template.replace("@E@", bad + "-e").replace("@C@", bad);
        List<String> batch = List.of(started(bad + "-start", bad, "alice"), hostile,
                started(good + "-start", good, "bob"), prompt(good + "-p0", good, "t0"),
                response(good + "-r0", good, "t0", "r0"));

        PlatformNode.Response answer = node.postEvents(key, batch);

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(207);
        JsonNode rejected = answer.body().at("/results/1");
        assertThat(rejected.get("status").asText()).isEqualTo("rejected");
        assertThat(rejected.at("/error/field").asText()).isEqualTo(field);
        assertThat(rejected.at("/error/limit").asText()).isNotBlank();
        assertThat(answer.body().get("accepted").asInt()).isEqualTo(4);
        assertThat(node.history(key, good).body().get("events")).hasSize(3);
        assertThat(database.count("select count(*) from domain_event_entry where aggregate_identifier = 'poison:"
                + bad + "'")).as("only the bad conversation's good start is stored").isEqualTo(1);
    }

    @Test
    void aConversationTheDatabaseRefusesIsRejectedAloneWithTheStoresReason() throws Exception {
        String refused = "refused-by-store-" + UUID.randomUUID();
        String good = "good-" + UUID.randomUUID();
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("""
                    create or replace function refuse_marked() returns trigger language plpgsql as $$
                    begin
                      if new.aggregate_identifier like '%refused-by-store-%' then
                        raise exception 'character with byte sequence 0xe2 0x80 0xa8 has no equivalent'
                          using errcode = '22P05';
                      end if;
                      return new;
                    end $$""");
            s.execute("create or replace trigger refuse_marked before insert on domain_event_entry "
                    + "for each row execute function refuse_marked()");
        }
        List<String> batch = List.of(started(good + "-start", good, "bob"), started(refused + "-start", refused, "eve"),
                prompt(refused + "-p0", refused, "t0"), prompt(good + "-p0", good, "t0"));

        PlatformNode.Response answer = node.postEvents(key, batch);

        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(207);
        assertThat(answer.body().get("accepted").asInt()).isEqualTo(2);
        for (String path : List.of("/results/1", "/results/2")) {
            JsonNode item = answer.body().at(path);
            assertThat(item.get("status").asText()).isEqualTo("rejected");
            assertThat(item.at("/error/code").asText()).isEqualTo("unstorable");
            assertThat(item.at("/error/field").asText()).isEqualTo("conversationId");
            assertThat(item.at("/error/value").asText()).isEqualTo(refused);
            assertThat(item.at("/error/limit").asText()).contains("22P05");
            assertThat(item.at("/error/retryable").asBoolean()).isFalse();
        }
        assertThat(node.history(key, good).body().get("events")).hasSize(2);
        assertThat(database.count("select count(*) from domain_event_entry where aggregate_identifier = 'poison:"
                + refused + "'")).isZero();
    }
}
