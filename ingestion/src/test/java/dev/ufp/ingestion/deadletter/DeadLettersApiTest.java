package dev.ufp.ingestion.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ufp.ingestion.ApiTestSupport;
import dev.ufp.ingestion.contract.FeedbackEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dead-letter admin API and policy on a probe processor whose handler refuses every conversation named
 * {@code poison-…} (the platform's processors park for real in {@code DeadLetterIntegrationTest} and
 * {@code KafkaChannelsIntegrationTest}).
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:dead-letters-api;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "feedback.admin-key=" + ApiTestSupport.ADMIN_KEY,
        "axon.eventhandling.processors." + DeadLettersApiTest.PROBE + ".mode=pooled",
        "axon.eventhandling.processors." + DeadLettersApiTest.PROBE + ".dlq.enabled=true"})
@AutoConfigureMockMvc
class DeadLettersApiTest {

    static final String PROBE = "dead-letter-probe";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private MockMvc mvc;

    @TestConfiguration
    static class Probe {
        @Bean
        ProbeHandler probeHandler() {
            return new ProbeHandler();
        }
    }

    @ProcessingGroup(PROBE)
    static class ProbeHandler {
        final Set<String> handled = ConcurrentHashMap.newKeySet();
        volatile boolean healed;

        @EventHandler
        void on(FeedbackEvent event) {
            if (event.conversationId().startsWith("poison") && !healed) {
                throw new UnprocessableEvent("probe refuses " + event.conversationId());
            }
            handled.add(event.conversationId() + "/" + event.eventId());
        }
    }

    @Autowired
    private ProbeHandler probe;

    @Test
    void aRefusedConversationIsParkedListedRetriedAndEvictedWhileOthersAreHandled() throws Exception {
        String ingest = key("dl-acme", "ingest");
        ApiTestSupport api = new ApiTestSupport(mvc);
        String poison = "poison-" + UUID.randomUUID();
        String stubborn = "poison-stubborn-" + UUID.randomUUID();
        String fine = "fine-" + UUID.randomUUID();
        for (String c : List.of(poison, stubborn, fine)) {
            api.postEvents(ingest, ApiTestSupport.started(c + "-start", c, "alice"), ApiTestSupport.prompt(c + "-p0", c, "t0"))
                    .andExpect(status().isOk());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> probe.handled.contains(fine + "/" + fine + "-p0")
                && parked().size() == 2);
        JsonNode first = parked().get(0);
        assertThat(first.get("tenant").asText()).isEqualTo("dl-acme");
        assertThat(first.get("letters").asInt()).isEqualTo(2);
        assertThat(first.get("reason").asText()).startsWith("probe refuses poison");
        assertThat(first.get("attempts").asInt()).isEqualTo(1);

        // a retry that fails again keeps every letter and counts the attempt
        JsonNode again = admin(post("/v1/admin/dead-letters/" + PROBE + "/retry").param("sequence", "dl-acme:" + poison));
        assertThat(again.get("succeeded").asInt()).isZero();
        assertThat(again.get("remaining").asInt()).isEqualTo(2);
        assertThat(parked()).filteredOn(s -> s.get("sequence").asText().endsWith(poison)).singleElement()
                .satisfies(s -> assertThat(s.get("attempts").asInt()).isEqualTo(2))
                .satisfies(s -> assertThat(s.get("letters").asInt()).isEqualTo(2));

        probe.healed = true;
        JsonNode healed = admin(post("/v1/admin/dead-letters/" + PROBE + "/retry").param("sequence", "dl-acme:" + poison));
        assertThat(healed.get("succeeded").asInt()).isEqualTo(1);
        assertThat(probe.handled).contains(poison + "/" + poison + "-start", poison + "/" + poison + "-p0");
        assertThat(admin(delete("/v1/admin/dead-letters/" + PROBE).param("sequence", "dl-acme:" + stubborn))
                .get("evicted").asInt()).isEqualTo(2);
        assertThat(parked()).isEmpty();
        assertThat(probe.handled).doesNotContain(stubborn + "/" + stubborn + "-start");
    }

    private List<JsonNode> parked() throws Exception {
        List<JsonNode> items = new ArrayList<>();
        admin(get("/v1/admin/dead-letters")).get("processors").forEach(p -> {
            if (p.get("processor").asText().equals(PROBE)) {
                p.get("items").forEach(items::add);
            }
        });
        return items;
    }

    private JsonNode admin(MockHttpServletRequestBuilder request) throws Exception {
        String body = mvc.perform(request.header("Authorization", "Bearer " + ApiTestSupport.ADMIN_KEY))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body);
    }

    @Test
    void needsAnAdminKey() throws Exception {
        mvc.perform(get("/v1/admin/dead-letters")).andExpect(status().isUnauthorized());
        String ingest = key("dl-acme", "ingest");
        mvc.perform(get("/v1/admin/dead-letters").header("Authorization", "Bearer " + ingest))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("admin")));
    }

    @Test
    void aBadLimitSaysWhichParameterAndWhatIsAllowed() throws Exception {
        mvc.perform(get("/v1/admin/dead-letters").param("limit", "0")
                        .header("Authorization", "Bearer " + ApiTestSupport.ADMIN_KEY))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"))
                .andExpect(jsonPath("$.errors[0].limit").value("1..1000"));
    }

    @Test
    void anUnknownProcessorOrSequenceIsANotFoundThatSaysWhatExists() throws Exception {
        mvc.perform(post("/v1/admin/dead-letters/no-such/retry")
                        .header("Authorization", "Bearer " + ApiTestSupport.ADMIN_KEY))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString(PROBE)));
        mvc.perform(delete("/v1/admin/dead-letters/" + PROBE).param("sequence", "acme:nothing-parked")
                        .header("Authorization", "Bearer " + ApiTestSupport.ADMIN_KEY))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("tenant:conversationId")));
    }

    @Test
    void aTenantAdminCannotReachAnotherTenantsSequence() throws Exception {
        String admin = key("dl-other", "admin");
        mvc.perform(post("/v1/admin/dead-letters/" + PROBE + "/retry").param("sequence", "dl-acme:c-1")
                        .header("Authorization", "Bearer " + admin))
                .andExpect(status().isNotFound());
        mvc.perform(post("/v1/admin/dead-letters/" + PROBE + "/retry").header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tried").value(0));
    }

    private String key(String tenant, String role) throws Exception {
        String body = mvc.perform(post("/v1/admin/keys").header("Authorization", "Bearer " + ApiTestSupport.ADMIN_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tenant\":\"" + tenant + "\",\"roles\":[\"" + role + "\"]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("key").asText();
    }
}
