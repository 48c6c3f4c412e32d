package dev.ufp.infra.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ufp.bridge.bench.SyntheticDatasets;
import dev.ufp.infra.PlatformApplication;
import dev.ufp.mining.dataset.DatasetStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The tenant isolation matrix, generated from the all-in-one platform's OpenAPI document: every operation it lists
 * × every role × own and other tenant (plus no key and the bootstrap admin key) is called and checked against
 * {@link #ROWS}. An operation without a row fails the test, so a new endpoint cannot ship without deciding who may
 * call it. A deny is 401 (no key), 403 (role) or, for another tenant's resource, 404 (or 403); an allow is anything
 * but 401/403 (here Elasticsearch is away, so analytics answer 503: the security decision was still "allow"); no
 * call may answer another 5xx.
 */
@SpringBootTest(classes = PlatformApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:isolation-matrix;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "feedback.admin-key=" + TenantIsolationMatrixTest.BOOTSTRAP,
        "feedback.kafka.enabled=false",
        "feedback.home=target/isolation-matrix-home",
        "feedback.bridge.export-dir=target/isolation-matrix-exports",
        "feedback.elasticsearch.url=http://127.0.0.1:9",
        "feedback.projections.follow-up-classifier=lexical",
        "feedback.projections.abandonment-sweep-interval=1h"})
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationMatrixTest {

    static final String BOOTSTRAP = "isolation-matrix-bootstrap-key";
    private static final String OWN = "mx-own";
    private static final String OTHER = "mx-other";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The roles a tenant key can have (the bootstrap key is checked on its own). */
    enum Role { INGEST, ANALYST, TRAINER, ADMIN, OPERATOR }

    /** Whether the operation names one resource of the tenant (another tenant's is then denied) or the caller's own tenant. */
    enum Scope { RESOURCE, OWN_TENANT }

    /** The expected decision: the roles allowed, the scope, and whether the bootstrap admin key is allowed. */
    record Row(Set<Role> allowed, Scope scope, boolean bootstrap, String uri, String body) {
    }

    private static Row row(Scope scope, boolean bootstrap, String uri, String body, Role... allowed) {
        return new Row(allowed.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(allowed[0], allowed), scope,
                bootstrap, uri, body);
    }

    /**
     * One row per operation, keyed by {@code METHOD path} as in the OpenAPI document. {@code uri} is the request
     * made ({@code {conversation}}, {@code {dataset}}, {@code {victimKey}}, {@code {miningJob}}, {@code {rewardJob}}
     * are the own tenant's resources); {@code body} the JSON sent, if any.
     */
    static final Map<String, Row> ROWS = new LinkedHashMap<>();

    static {
        String event = """
                {"events":[{"eventId":"mx-e","type":"ConversationStarted","conversationId":"mx-new",\
                "occurredAt":"2026-11-29T10:00:00Z","userId":"u"}]}""";
        ROWS.put("POST /v1/events", row(Scope.OWN_TENANT, false, "/v1/events", event, Role.INGEST));
        ROWS.put("GET /v1/conversations/{conversationId}/events", row(Scope.RESOURCE, false,
                "/v1/conversations/{conversation}/events", null, Role.ANALYST, Role.ADMIN));
        ROWS.put("POST /v1/admin/keys", row(Scope.RESOURCE, true, "/v1/admin/keys",
                "{\"tenant\":\"" + OWN + "\",\"roles\":[\"analyst\"]}", Role.ADMIN));
        ROWS.put("GET /v1/admin/keys", row(Scope.RESOURCE, true, "/v1/admin/keys?tenant=" + OWN, null, Role.ADMIN));
        ROWS.put("DELETE /v1/admin/keys/{keyId}", row(Scope.RESOURCE, true, "/v1/admin/keys/{victimKey}", null,
                Role.ADMIN));
        ROWS.put("GET /v1/admin/dead-letters", row(Scope.OWN_TENANT, true, "/v1/admin/dead-letters", null,
                Role.ADMIN));
        ROWS.put("POST /v1/admin/dead-letters/{processor}/retry", row(Scope.RESOURCE, true,
                "/v1/admin/dead-letters/feedback-projections/retry?sequence=" + OWN + ":{conversation}", null,
                Role.ADMIN));
        ROWS.put("DELETE /v1/admin/dead-letters/{processor}", row(Scope.RESOURCE, true,
                "/v1/admin/dead-letters/feedback-projections?sequence=" + OWN + ":{conversation}", null, Role.ADMIN));
        ROWS.put("GET /v1/analytics/love-rate", row(Scope.OWN_TENANT, false, "/v1/analytics/love-rate", null,
                Role.ANALYST));
        ROWS.put("GET /v1/analytics/signal-mix", row(Scope.OWN_TENANT, false, "/v1/analytics/signal-mix", null,
                Role.ANALYST));
        ROWS.put("GET /v1/analytics/worst-responses", row(Scope.OWN_TENANT, false, "/v1/analytics/worst-responses",
                null, Role.ANALYST));
        ROWS.put("GET /v1/analytics/follow-ups", row(Scope.OWN_TENANT, false, "/v1/analytics/follow-ups?q=thanks",
                null, Role.ANALYST));
        ROWS.put("POST /v1/admin/projections/abandonment-sweep", row(Scope.OWN_TENANT, true,
                "/v1/admin/projections/abandonment-sweep", null));
        ROWS.put("GET /v1/admin/projections/rebuild", row(Scope.OWN_TENANT, true, "/v1/admin/projections/rebuild",
                null));
        ROWS.put("POST /v1/admin/projections/rebuild", row(Scope.OWN_TENANT, true, "/v1/admin/projections/rebuild",
                null));
        ROWS.put("POST /v1/mining/jobs", row(Scope.OWN_TENANT, false, "/v1/mining/jobs", "{}", Role.TRAINER));
        ROWS.put("GET /v1/mining/jobs/{id}", row(Scope.RESOURCE, false, "/v1/mining/jobs/{miningJob}", null,
                Role.TRAINER));
        ROWS.put("POST /v1/reward/score", row(Scope.OWN_TENANT, false, "/v1/reward/score",
                "{\"items\":[{\"prompt\":\"p\",\"response\":\"r\"}]}", Role.TRAINER, Role.ANALYST));
        ROWS.put("POST /v1/reward/models", row(Scope.OWN_TENANT, false, "/v1/reward/models", "{}", Role.TRAINER));
        ROWS.put("GET /v1/reward/jobs/{id}", row(Scope.RESOURCE, false, "/v1/reward/jobs/{rewardJob}", null,
                Role.TRAINER));
        ROWS.put("GET /v1/reward/models", row(Scope.OWN_TENANT, false, "/v1/reward/models", null, Role.TRAINER,
                Role.ANALYST));
        ROWS.put("GET /v1/reward/models/{id}", row(Scope.RESOURCE, false, "/v1/reward/models/rm_matrix", null,
                Role.TRAINER, Role.ANALYST));
        ROWS.put("GET /v1/reward/models/{id}/artifact", row(Scope.RESOURCE, false,
                "/v1/reward/models/rm_matrix/artifact", null, Role.TRAINER));
        ROWS.put("GET /v1/datasets", row(Scope.OWN_TENANT, false, "/v1/datasets", null, Role.TRAINER));
        ROWS.put("GET /v1/datasets/{datasetId}", row(Scope.RESOURCE, false, "/v1/datasets/{dataset}", null,
                Role.TRAINER));
        ROWS.put("GET /v1/datasets/{datasetId}/pairs", row(Scope.RESOURCE, false, "/v1/datasets/{dataset}/pairs",
                null, Role.TRAINER));
        ROWS.put("GET /v1/datasets/{datasetId}/checksum", row(Scope.RESOURCE, false,
                "/v1/datasets/{dataset}/checksum", null, Role.TRAINER));
        ROWS.put("POST /v1/datasets/{datasetId}/exports", row(Scope.RESOURCE, false,
                "/v1/datasets/{dataset}/exports?format=trl", null, Role.TRAINER));
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    DatasetStore datasets;

    private final Map<String, String> resources = new LinkedHashMap<>();
    private final Map<String, String> ownKeys = new LinkedHashMap<>();
    private final Map<String, String> otherKeys = new LinkedHashMap<>();

    @BeforeAll
    void createOwnTenantsResources() throws Exception {
        for (Role role : Role.values()) {
            ownKeys.put(role.name(), issue(OWN, role));
            otherKeys.put(role.name(), issue(OTHER, role));
        }
        String conversation = "mx-conversation";
        resources.put("{conversation}", conversation);
        send(post("/v1/events"), ownKeys.get("INGEST"), """
                {"events":[{"eventId":"e1","type":"ConversationStarted","conversationId":"%s",\
                "occurredAt":"2026-11-29T10:00:00Z","userId":"alice"}]}""".formatted(conversation), 200);
        resources.put("{dataset}", datasets.save(SyntheticDatasets.manifest(OWN, "matrix", 3, 1),
                SyntheticDatasets.pairs(OWN, 0, 3), SyntheticDatasets.labels(OWN, 1)).datasetId());
        resources.put("{miningJob}", send(post("/v1/mining/jobs"), ownKeys.get("TRAINER"), "{}", 202)
                .get("id").asText());
        resources.put("{rewardJob}", send(post("/v1/reward/models"), ownKeys.get("TRAINER"), "{}", 202)
                .get("id").asText());
    }

    @Test
    void everyOperationOfTheOpenApiDocumentHasARowAndEveryRowAnOperation() throws Exception {
        Set<String> operations = operations();
        assertThat(operations).as("operations in /v3/api-docs").hasSizeGreaterThan(20);
        Set<String> missing = new TreeSet<>(operations);
        missing.removeAll(ROWS.keySet());
        assertThat(missing).as("operations without a row in TenantIsolationMatrixTest.ROWS: add its row").isEmpty();
        Set<String> stale = new TreeSet<>(ROWS.keySet());
        stale.removeAll(operations);
        assertThat(stale).as("rows whose operation is gone from the OpenAPI document").isEmpty();
    }

    @Test
    void everyRoleOfOwnAndOtherTenantGetsTheExpectedDecision() throws Exception {
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (String operation : operations()) {
            Row row = ROWS.get(operation);
            if (row == null) {
                continue; // reported by the other test
            }
            HttpMethod method = HttpMethod.valueOf(operation.substring(0, operation.indexOf(' ')));
            calls++;
            check(wrong, operation, "no key", call(method, row, null), Set.of(401), false);
            calls++;
            check(wrong, operation, "bootstrap key", call(method, row, BOOTSTRAP),
                    row.bootstrap() ? Set.of() : Set.of(401, 403, 404), row.bootstrap());
            for (Role role : Role.values()) {
                boolean allowed = row.allowed().contains(role);
                calls += 2;
                check(wrong, operation, "own " + role, call(method, row, ownKeys.get(role.name())),
                        allowed ? Set.of() : Set.of(403), allowed);
                boolean otherAllowed = allowed && row.scope() == Scope.OWN_TENANT;
                check(wrong, operation, "other tenant's " + role, call(method, row, otherKeys.get(role.name())),
                        otherAllowed ? Set.of() : allowed ? Set.of(403, 404) : Set.of(403), otherAllowed);
            }
        }
        System.out.printf("tenant isolation matrix: %d operations, %d calls, %d wrong%n", operations().size(), calls,
                wrong.size());
        assertThat(wrong).as("calls whose answer contradicts ROWS").isEmpty();
    }

    private static void check(List<String> wrong, String operation, String who, int status, Set<Integer> denials,
                              boolean allow) {
        // 503 is Elasticsearch being away in this test; any other 5xx is a bug whatever the decision
        boolean ok = (status < 500 || status == 503) && (allow ? status != 401 && status != 403
                : denials.contains(status));
        if (!ok) {
            wrong.add(operation + " as " + who + ": " + status + (allow ? " (expected an allow)"
                    : " (expected one of " + denials + ")"));
        }
    }

    private int call(HttpMethod method, Row row, String key) throws Exception {
        String uri = row.uri();
        for (Map.Entry<String, String> resource : resources.entrySet()) {
            uri = uri.replace(resource.getKey(), resource.getValue());
        }
        if (uri.contains("{victimKey}")) {
            uri = uri.replace("{victimKey}", victimKey());
        }
        MockHttpServletRequestBuilder request = request(method, uri);
        if (row.body() != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(row.body());
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try {
            return mvc.perform(request).andReturn().getResponse().getStatus();
        } catch (jakarta.servlet.ServletException unhandled) {
            return 500;
        }
    }

    /** A fresh key of the own tenant, so that every revocation has one to revoke. */
    private String victimKey() throws Exception {
        return send(post("/v1/admin/keys"), BOOTSTRAP, "{\"tenant\":\"" + OWN + "\",\"roles\":[\"ingest\"]}", 201)
                .get("keyId").asText();
    }

    private Set<String> operations() throws Exception {
        JsonNode paths = JSON.readTree(mvc.perform(get("/v3/api-docs").header("Authorization", "Bearer " + BOOTSTRAP))
                .andReturn().getResponse().getContentAsString()).get("paths");
        Set<String> operations = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                operations.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        return operations;
    }

    private String issue(String tenant, Role role) throws Exception {
        return send(post("/v1/admin/keys"), BOOTSTRAP, "{\"tenant\":\"" + tenant + "\",\"roles\":[\""
                + role.name().toLowerCase() + "\"]}", 201).get("key").asText();
    }

    private JsonNode send(MockHttpServletRequestBuilder request, String key, String body, int expected)
            throws Exception {
        var response = mvc.perform(request.header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        return JSON.readTree(response.getContentAsString());
    }
}
