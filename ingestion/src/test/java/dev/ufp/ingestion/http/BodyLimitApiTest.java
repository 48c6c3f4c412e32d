package dev.ufp.ingestion.http;

import dev.ufp.ingestion.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every JSON endpoint has a body limit, not only {@code /v1/events}: 413 naming it, before the body is parsed. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:security-api;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "feedback.admin-key=" + ApiTestSupport.ADMIN_KEY, "feedback.kafka.enabled=false"})
@AutoConfigureMockMvc
class BodyLimitApiTest {

    @Autowired
    private MockMvc mvc;

    @Test
    void aKeyRequestOverTheDefaultLimitIs413NamingIt() throws Exception {
        String padded = "{\"tenant\":\"acme\",\"roles\":[\"ingest\"],\"note\":\"" + "x".repeat(70_000) + "\"}";
        mvc.perform(post("/v1/admin/keys").header("Authorization", "Bearer " + ApiTestSupport.ADMIN_KEY)
                        .contentType(MediaType.APPLICATION_JSON).content(padded))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].limit").value("at most 65536 bytes"));
    }

    @Test
    void anUnauthenticatedCallerGets401NotTheLimit() throws Exception {
        mvc.perform(post("/v1/admin/keys").contentType(MediaType.APPLICATION_JSON).content("x".repeat(70_000)))
                .andExpect(status().isUnauthorized());
    }
}
