package dev.ufp.projections.signals;

import dev.ufp.ingestion.contract.Limits;
import dev.ufp.ingestion.tenancy.Pseudonymizer;
import dev.ufp.ingestion.tenancy.Tenants;
import dev.ufp.projections.model.ResponseDocument;
import dev.ufp.projections.model.SignalKind;
import dev.ufp.projections.projector.Documents;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The id limits of the contract keep every derived Elasticsearch document id under Elasticsearch's 512-byte
 * limit: the longest legal tenant and ids, through the same code that builds the ids.
 * Longest today: a reaction signal, {@code tenant:conversation:response:reaction:pseudonym:eventId},
 * 64 + 1 + 128 + 1 + 128 + 1 + 8 + 1 + 24 + 1 + 128 = 485 bytes.
 */
class DocumentIdBudgetTest {

    private static final int ELASTICSEARCH_ID_MAX = 512;
    private static final String TENANT = "t".repeat(64);
    private static final String PSEUDONYM = "u_" + "x".repeat(Pseudonymizer.LENGTH - 2);

    @Test
    void theLongestLegalTenantIs64AsciiCharacters() {
        assertThat(Tenants.valid(TENANT)).isTrue();
        assertThat(Tenants.valid(TENANT + "t")).isFalse();
    }

    @Test
    void everyDerivedIdOfTheLongestLegalIdsFitsElasticsearch() {
        // 128 bytes each, in 1-, 2-, 3- and 4-byte characters
        for (String id : List.of("x".repeat(Limits.ID_MAX), "é".repeat(Limits.ID_MAX / 2),
                "€".repeat(Limits.ID_MAX / 3) + "xx", "😀".repeat(Limits.ID_MAX / 4))) {
            assertThat(bytes(id)).isEqualTo(Limits.ID_MAX);
            List<String> derived = derivedIds(id, id, id);
            assertThat(derived).allSatisfy(documentId ->
                    assertThat(bytes(documentId)).as(documentId).isLessThan(ELASTICSEARCH_ID_MAX));
            assertThat(derived.stream().mapToInt(DocumentIdBudgetTest::bytes).max().orElseThrow()).isEqualTo(485);
        }
    }

    @Test
    void theBudgetWouldNotHoldForIdsOfTwiceTheLimit() {
        String id = "x".repeat(2 * Limits.ID_MAX);
        assertThat(derivedIds(id, id, id)).anySatisfy(documentId ->
                assertThat(bytes(documentId)).isGreaterThanOrEqualTo(ELASTICSEARCH_ID_MAX));
    }

    /** Conversation, response and every kind of signal id, with the longest discriminator each can carry. */
    private static List<String> derivedIds(String conversationId, String responseId, String eventId) {
        ResponseDocument response = new ResponseDocument();
        response.id = Documents.responseId(TENANT, conversationId, responseId);
        List<String> ids = new ArrayList<>(List.of(Documents.conversationId(TENANT, conversationId), response.id,
                ReactionDetector.signalId(response, PSEUDONYM, eventId)));
        Arrays.stream(SignalKind.values()).forEach(kind -> {
            ids.add(response.signalId(kind, null));
            ids.add(response.signalId(kind, eventId));
            ids.add(response.signalId(kind, PSEUDONYM));
        });
        return ids;
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
