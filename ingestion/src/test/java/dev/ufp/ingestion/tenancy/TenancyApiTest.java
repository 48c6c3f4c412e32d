package dev.ufp.ingestion.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ufp.ingestion.ApiTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.util.UUID;

import static dev.ufp.ingestion.ApiTestSupport.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:tenancy-api;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "feedback.admin-key=" + ApiTestSupport.ADMIN_KEY})
@AutoConfigureMockMvc
class TenancyApiTest {

    @Autowired
    private MockMvc mvc;
    @Autowired
    private JdbcTemplate jdbc;
    private ApiTestSupport api;
    private String conversation;

    @BeforeEach
    void setUp() {
        api = new ApiTestSupport(mvc);
        conversation = "c-" + UUID.randomUUID();
    }

    private org.springframework.test.web.servlet.ResultActions createKey(String asKey, String body) throws Exception {
        return mvc.perform(post("/v1/admin/keys").header("Authorization", "Bearer " + asKey)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void bootstrapAdminIssuesAKeyShownOnceAndStoredOnlyAsAHash() throws Exception {
        JsonNode issued = api.read(createKey(ApiTestSupport.ADMIN_KEY, "{\"tenant\":\"acme\",\"roles\":[\"ingest\"]}")
                .andExpect(status().isCreated()));
        String key = issued.get("key").asText();
        assertThat(key).startsWith("ufp_" + issued.get("keyId").asText() + "_");
        assertThat(jdbc.queryForObject("select count(*) from api_key where key_hash = ?", Long.class, key)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from api_key where key_id = ?", Long.class,
                issued.get("keyId").asText())).isOne();
        mvc.perform(get("/v1/admin/keys").param("tenant", "acme").header("Authorization", "Bearer " + ApiTestSupport.ADMIN_KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].key").doesNotExist());
    }

    @Test
    void revokedKeyIsRefused() throws Exception {
        JsonNode issued = api.read(createKey(ApiTestSupport.ADMIN_KEY, "{\"tenant\":\"acme\",\"roles\":[\"ingest\"]}"));
        String key = issued.get("key").asText();
        api.postEvents(key, started("e1", conversation, "alice")).andExpect(status().isOk());
        mvc.perform(delete("/v1/admin/keys/{id}", issued.get("keyId").asText())
                        .header("Authorization", "Bearer " + ApiTestSupport.ADMIN_KEY))
                .andExpect(status().isNoContent());
        api.postEvents(key, started("e2", "other", "alice")).andExpect(status().isUnauthorized());
    }

    @Test
    void tenantAdminManagesOnlyItsOwnTenant() throws Exception {
        String acmeAdmin = api.issueKey("acme", "admin");
        createKey(acmeAdmin, "{\"tenant\":\"acme\",\"roles\":[\"analyst\"]}").andExpect(status().isCreated());
        createKey(acmeAdmin, "{\"tenant\":\"globex\",\"roles\":[\"analyst\"]}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("globex")));
    }

    @Test
    void nonAdminCannotIssueKeys() throws Exception {
        String ingest = api.issueKey("acme", "ingest");
        createKey(ingest, "{\"tenant\":\"acme\",\"roles\":[\"ingest\"]}").andExpect(status().isForbidden());
    }

    @Test
    void invalidTenantAndRoleAreNamed() throws Exception {
        createKey(ApiTestSupport.ADMIN_KEY, "{\"tenant\":\"Acme:Corp\",\"roles\":[\"ingest\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tenant"))
                .andExpect(jsonPath("$.errors[0].value").value("Acme:Corp"));
        createKey(ApiTestSupport.ADMIN_KEY, "{\"tenant\":\"acme\",\"roles\":[\"ingest\",\"root\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles[1]"))
                .andExpect(jsonPath("$.errors[0].limit").value("[ingest, analyst, trainer, admin, operator]"));
    }

    @Test
    void sameConversationIdInTwoTenantsIsTwoConversations() throws Exception {
        String acme = api.issueKey("acme", "ingest", "analyst");
        String globex = api.issueKey("globex", "ingest", "analyst");
        api.postEvents(acme, started("e1", conversation, "alice")).andExpect(jsonPath("$.accepted").value(1));
        api.postEvents(globex, started("e1", conversation, "alice")).andExpect(jsonPath("$.accepted").value(1));
        String acmeUser = api.read(api.history(acme, conversation)).at("/events/0/event/userId").asText();
        String globexUser = api.read(api.history(globex, conversation)).at("/events/0/event/userId").asText();
        assertThat(acmeUser).isNotEqualTo(globexUser);
    }

    @Test
    void aKeyNeverReadsAnotherTenantsConversation() throws Exception {
        String acme = api.issueKey("acme", "ingest");
        String globexAnalyst = api.issueKey("globex", "analyst");
        api.postEvents(acme, started("e1", conversation, "alice")).andExpect(status().isOk());
        api.history(globexAnalyst, conversation).andExpect(status().isNotFound());
    }

    @Test
    void rawUserIdsNeverReachTheEventStore() throws Exception {
        String acme = api.issueKey("acme", "ingest");
        String rawUser = "user-" + UUID.randomUUID();
        api.postEvents(acme, started("e1", conversation, rawUser)).andExpect(status().isOk());
        Long hits = jdbc.queryForObject("select count(*) from domain_event_entry where "
                + "utf8tostring(payload) like ? or utf8tostring(meta_data) like ?", Long.class,
                "%" + rawUser + "%", "%" + rawUser + "%");
        assertThat(hits).isZero();
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where utf8tostring(payload) like ?",
                Long.class, "%" + conversation + "%")).isOne();
    }
}
