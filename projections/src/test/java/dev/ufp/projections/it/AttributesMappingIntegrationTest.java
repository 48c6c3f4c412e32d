package dev.ufp.projections.it;

import co.elastic.clients.json.JsonpUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ufp.ingestion.contract.Limits;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tenants' attribute names never grow the mapping: {@code attributes} is one {@code flattened} field. 10,000
 * distinct names (ten times the default {@code index.mapping.total_fields.limit}) leave every index's mapped
 * field count unchanged, and analysts still find a document with a {@code term} query on
 * {@code attributes.<name>}.
 */
class AttributesMappingIntegrationTest extends ProjectionsIntegrationSupport {

    private static final int NAMES = 10_000;
    private static final int PER_CONVERSATION = Limits.ATTRIBUTES_MAX;

    @Test
    void tenThousandAttributeNamesLeaveTheMappingAsItWas() throws Exception {
        String tenant = "attrs-" + UUID.randomUUID().toString().substring(0, 8);
        String key = issueKey(tenant, "ingest");
        Map<String, Integer> before = fieldCounts();
        assertThat(before.values()).allSatisfy(count -> assertThat(count).isPositive());

        int conversations = (NAMES + PER_CONVERSATION - 1) / PER_CONVERSATION;
        List<String> batch = new ArrayList<>();
        for (int c = 0; c < conversations; c++) {
            String conversation = "c" + c;
            ObjectNode started = JSON.createObjectNode().put("eventId", conversation + "-start")
                    .put("type", "ConversationStarted").put("conversationId", conversation)
                    .put("occurredAt", EventJson.time(0)).put("userId", "user-" + c);
            ObjectNode attributes = started.putObject("attributes");
            for (int n = c * PER_CONVERSATION; n < Math.min(NAMES, (c + 1) * PER_CONVERSATION); n++) {
                // names that an object mapping would also nest or clash on, were dots allowed: a_, a-b, A ...
                attributes.put(name(n), "v" + n);
            }
            batch.add(JSON.writeValueAsString(started));
            batch.add(EventJson.prompt(conversation + "-p", conversation, 1, "t1", "hello", null));
            batch.add(EventJson.response(conversation + "-r", conversation, 2, "r1", "t1", "hi", "m1", null));
            if (batch.size() >= 300 || c == conversations - 1) {
                postEvents(key, batch);
                batch.clear();
            }
        }

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                count(aliases().responses(), tenant) == conversations
                        && count(aliases().conversations(), tenant) == conversations);

        assertThat(fieldCounts()).isEqualTo(before);
        assertThat(mapping(aliases().responses()).at("/properties/attributes/type").asText()).isEqualTo("flattened");
        assertThat(mapping(aliases().conversations()).at("/properties/attributes/type").asText())
                .isEqualTo("flattened");
        for (int n : new int[]{0, 4_321, NAMES - 1}) {
            for (String index : List.of(aliases().responses(), aliases().conversations())) {
                String field = "attributes." + name(n);
                var hits = elasticsearch.search(s -> s.index(index).query(q -> q.bool(b -> b
                        .filter(f -> f.term(t -> t.field("tenant").value(tenant)))
                        .filter(f -> f.term(t -> t.field(field).value("v" + n))))), JsonNode.class).hits();
                assertThat(hits.total().value()).as(index + " " + field).isEqualTo(1);
                assertThat(hits.hits().get(0).source().get("conversationId").asText())
                        .isEqualTo("c" + n / PER_CONVERSATION);
            }
        }
    }

    /** Distinct names of the legal shape, in several styles. */
    private static String name(int n) {
        return switch (n % 4) {
            case 0 -> "a" + n;
            case 1 -> "A_" + n;
            case 2 -> n + "-x";
            default -> "cohort_" + n + "-b";
        };
    }

    private Map<String, Integer> fieldCounts() throws IOException {
        return Map.of("responses", leaves(mapping(aliases().responses())),
                "signals", leaves(mapping(aliases().signals())),
                "conversations", leaves(mapping(aliases().conversations())));
    }

    /** The alias's index mapping as JSON, as {@code GET <alias>/_mapping} returns it. */
    private JsonNode mapping(String alias) throws IOException {
        var mappings = elasticsearch.indices().getMapping(m -> m.index(alias)).result();
        assertThat(mappings).hasSize(1);
        String json = JsonpUtils.toJsonString(mappings.values().iterator().next().mappings(),
                elasticsearch._transport().jsonpMapper());
        return JSON.readTree(json);
    }

    /** Mapped leaf fields (and multi-fields): every property without sub-properties, at any depth. */
    private static int leaves(JsonNode mapping) {
        int count = 0;
        for (String container : List.of("properties", "fields")) {
            JsonNode children = mapping.get(container);
            if (children == null) {
                continue;
            }
            for (Iterator<JsonNode> it = children.elements(); it.hasNext(); ) {
                JsonNode child = it.next();
                count += child.has("properties") ? 0 : 1;
                count += leaves(child);
            }
        }
        return count;
    }
}
