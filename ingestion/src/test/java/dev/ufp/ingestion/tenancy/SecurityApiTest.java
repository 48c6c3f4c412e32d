package dev.ufp.ingestion.tenancy;

import dev.ufp.ingestion.ApiTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static dev.ufp.ingestion.ApiTestSupport.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Spring Security in front of every endpoint: 401/403/400 as problem details, the actuator closed. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:security-api;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "feedback.admin-key=" + ApiTestSupport.ADMIN_KEY, "feedback.kafka.enabled=false"})
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class SecurityApiTest {

    @Autowired
    private MockMvc mvc;
    private ApiTestSupport api;

    @BeforeEach
    void setUp() {
        api = new ApiTestSupport(mvc);
    }

    private ResultActions postEvents(String path, String key) throws Exception {
        return mvc.perform(post(path).header("Authorization", "Bearer " + key).contentType(MediaType.APPLICATION_JSON)
                .content("{\"events\":[" + started("e1", "c-semicolon", "alice") + "]}"));
    }

    @Test
    void aSemicolonInThePathIsA400ProblemNotA5xx() throws Exception {
        String ingest = api.issueKey("acme", "ingest");
        postEvents("/v1;x/events", ingest)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://feedback-platform.dev/problems/rejected-request"))
                .andExpect(jsonPath("$.errors[0].field").value("path"))
                .andExpect(jsonPath("$.errors[0].value").value("/v1;x/events"));
        mvc.perform(get("/v1/conversations/c1;jsessionid=x/events").header("Authorization", "Bearer " + ingest))
                .andExpect(status().isBadRequest());
    }

    @Test
    void noKeyIs401NamingTheHeader() throws Exception {
        mvc.perform(post("/v1/events").contentType(MediaType.APPLICATION_JSON).content("{\"events\":[]}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("Authorization: Bearer <key>")))
                .andExpect(jsonPath("$.errors[0].field").value("Authorization"))
                .andExpect(jsonPath("$.errors[0].limit").value("Bearer <key>"));
    }

    @Test
    void anUnknownOrMalformedKeyIs401AndNeverEchoedNorLogged(CapturedOutput output) throws Exception {
        String secret = "ufp_000000000000_NotARealSecretButTreatedAsOne";
        postEvents("/v1/events", secret)
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("unknown or revoked")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(secret))));
        mvc.perform(get("/v1/admin/keys").header("Authorization", "Basic " + secret))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("not 'Bearer <key>'")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(secret))));
        mvc.perform(get("/v1;x/events").header("Authorization", "Bearer " + secret + "\u0007"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(secret))));
        assertThat(output.getAll()).doesNotContain(secret);
    }

    @Test
    void aWrongRoleIs403NamingTheRolesNeeded() throws Exception {
        String ingest = api.issueKey("acme", "ingest");
        api.history(ingest, "c1")
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("needs one of the roles [admin, analyst]")))
                .andExpect(jsonPath("$.detail").value(containsString("has [ingest]")));
        String analyst = api.issueKey("acme", "analyst");
        api.postEvents(analyst, started("e1", "c1", "alice"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("[ingest]")));
    }

    @Test
    void aV1PathNoModuleDeclaresIsDeniedToEveryKey() throws Exception {
        mvc.perform(get("/v1/not-an-endpoint").header("Authorization", "Bearer " + ApiTestSupport.ADMIN_KEY))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("no role may call GET /v1/not-an-endpoint")));
    }

    @Test
    void healthProbesAreOpenWithoutDetails() throws Exception {
        for (String probe : new String[]{"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            mvc.perform(get(probe)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("UP"))
                    .andExpect(jsonPath("$.components").doesNotExist());
        }
        mvc.perform(get("/actuator/health").header("Authorization", "Bearer " + ApiTestSupport.ADMIN_KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.db.status").value("UP"));
    }

    @Test
    void metricsNeedAnOperatorOrTheBootstrapAdminKey() throws Exception {
        for (String path : new String[]{"/actuator/metrics", "/actuator/info", "/actuator/health/db"}) {
            mvc.perform(get(path)).andExpect(status().isUnauthorized());
            mvc.perform(get(path).header("Authorization", "Bearer " + api.issueKey("acme", "admin", "analyst")))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.detail").value(containsString(
                            "[operator, the bootstrap admin key (feedback.admin-key)]")));
            mvc.perform(get(path).header("Authorization", "Bearer " + api.issueKey("ops", "operator")))
                    .andExpect(status().isOk());
            mvc.perform(get(path).header("Authorization", "Bearer " + ApiTestSupport.ADMIN_KEY))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void onlyTheBootstrapAdminIssuesOperatorKeys() throws Exception {
        String acmeAdmin = api.issueKey("acme", "admin");
        mvc.perform(post("/v1/admin/keys").header("Authorization", "Bearer " + acmeAdmin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"tenant\":\"acme\",\"roles\":[\"operator\"]}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("only the bootstrap admin key")));
    }

    @Test
    void theOpenApiDocumentAndSwaggerUiNeedAKey() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isUnauthorized());
        String ingest = api.issueKey("acme", "ingest");
        mvc.perform(get("/v3/api-docs").header("Authorization", "Bearer " + ingest))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/v1/events'].post").exists())
                .andExpect(jsonPath("$.components.securitySchemes.apiKey.scheme").value("bearer"))
                .andExpect(jsonPath("$.paths['/v1/conversations/{conversationId}/events'].get.parameters[*].name")
                        .value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("caller"))));
    }
}
