package dev.ufp.projections.it;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ufp.projections.elastic.IndexAdmin;
import dev.ufp.projections.elastic.IndexSet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The platform's ingestion and projections in one Spring context (H2 in memory for the event store), against
 * the JVM's shared real Elasticsearch node. Every test class shares this context: tests use their own tenants.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:projections-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "feedback.admin-key=" + ProjectionsIntegrationSupport.ADMIN_KEY,
        "feedback.kafka.enabled=false",
        "feedback.projections.index-prefix=it-",
        // the plumbing is tested here with the transparent keyword classifier; the MiniLM one has its own tests
        "feedback.projections.follow-up-classifier=lexical",
        "feedback.projections.abandonment-sweep-interval=1h",
        "feedback.projections.signals.abandonment-window=3650d",
        "feedback.projections.rebuild-batch-size=7",
        "axon.eventhandling.processors.feedback-projections.batch-size=5"})
@AutoConfigureMockMvc
public abstract class ProjectionsIntegrationSupport {

    public static final String ADMIN_KEY = "test-admin-key";
    protected static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected ElasticsearchClient elasticsearch;
    @Autowired
    protected IndexAdmin indexAdmin;

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        registry.add("feedback.elasticsearch.url", SharedElasticsearch::url);
    }

    protected String issueKey(String tenant, String... roles) throws Exception {
        String body = JSON.writeValueAsString(Map.of("tenant", tenant, "roles", List.of(roles)));
        MvcResult result = mvc.perform(post("/v1/admin/keys").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
        return JSON.readTree(result.getResponse().getContentAsString()).get("key").asText();
    }

    /** Posts a batch and checks every event was accepted. */
    protected void postEvents(String key, List<String> events) throws Exception {
        MvcResult result = mvc.perform(post("/v1/events").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).content("{\"events\":[" + String.join(",", events) + "]}"))
                .andReturn();
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        assertThat(body.get("accepted").asInt()).as(body.toString()).isEqualTo(events.size());
    }

    protected MvcResult getAs(String key, String path, String accept) throws Exception {
        return mvc.perform(get(path).header("Authorization", "Bearer " + key).header("Accept", accept)).andReturn();
    }

    protected JsonNode getJson(String key, String path) throws Exception {
        return JSON.readTree(getAs(key, path, "application/json").getResponse().getContentAsString());
    }

    /** A document by id through its alias (real-time GET: no refresh needed), or null. */
    protected JsonNode document(String index, String id) throws IOException {
        var got = elasticsearch.get(g -> g.index(index).id(id), JsonNode.class);
        return got.found() ? got.source() : null;
    }

    protected IndexSet aliases() {
        return indexAdmin.aliases();
    }

    /** Every document of an index or alias, by id, after a refresh. */
    protected Map<String, JsonNode> all(String index) throws IOException {
        elasticsearch.indices().refresh(r -> r.index(index));
        SearchResponse<JsonNode> result = elasticsearch.search(s -> s.index(index).size(10_000)
                .query(q -> q.matchAll(m -> m)), JsonNode.class);
        Map<String, JsonNode> documents = new TreeMap<>();
        for (Hit<JsonNode> hit : result.hits().hits()) {
            documents.put(hit.id(), hit.source());
        }
        return documents;
    }

    protected long count(String index, String tenant) throws IOException {
        elasticsearch.indices().refresh(r -> r.index(index));
        return elasticsearch.count(c -> c.index(index).query(q -> q.term(t -> t.field("tenant").value(tenant)))).count();
    }
}
