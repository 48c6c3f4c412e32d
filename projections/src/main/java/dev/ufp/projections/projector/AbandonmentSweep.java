package dev.ufp.projections.projector;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.ufp.projections.elastic.IndexAdmin;
import dev.ufp.projections.elastic.IndexSet;
import dev.ufp.projections.model.ResponseDocument;
import dev.ufp.projections.model.SignalDocument;
import dev.ufp.projections.model.SignalKind;
import dev.ufp.projections.signals.AbandonmentDetector;
import dev.ufp.projections.signals.Scores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Abandonment deadlines, kept in the documents themselves (so they survive restarts): every
 * {@code feedback.projections.abandonment-sweep-interval}, responses past their deadline with no follow-up or
 * reaction get the weak negative abandonment signal. Writes carry the read sequence number: a response the
 * processor changed meanwhile is left for the next sweep.
 */
@Component
public class AbandonmentSweep {

    private static final Logger log = LoggerFactory.getLogger(AbandonmentSweep.class);
    private static final int PAGE = 500;

    private final ElasticsearchClient client;
    private final IndexAdmin indexAdmin;
    private final AbandonmentDetector detector;
    private final Clock clock;

    AbandonmentSweep(ElasticsearchClient client, IndexAdmin indexAdmin, Projector projector) {
        this.client = client;
        this.indexAdmin = indexAdmin;
        this.detector = projector.abandonment();
        this.clock = Clock.systemUTC();
    }

    @Scheduled(fixedDelayString = "${feedback.projections.abandonment-sweep-interval}",
            initialDelayString = "${feedback.projections.abandonment-sweep-interval}")
    void scheduled() {
        try {
            indexAdmin.ensureOnce();
            sweep(indexAdmin.aliases(), clock.instant());
        } catch (IOException | RuntimeException e) {
            log.warn("Abandonment sweep failed, retrying at the next interval: {}", e.getMessage());
        }
    }

    /** Marks every due response in {@code indices} abandoned as of {@code now}; returns how many. */
    public int sweep(IndexSet indices, Instant now) throws IOException {
        int marked = 0;
        while (true) {
            client.indices().refresh(r -> r.index(indices.responses()));
            SearchResponse<ResponseDocument> due = client.search(s -> s.index(indices.responses()).size(PAGE)
                    .seqNoPrimaryTerm(true)
                    .query(q -> q.bool(b -> b
                            .filter(f -> f.term(t -> t.field("interacted").value(false)))
                            .filter(f -> f.term(t -> t.field("abandoned").value(false)))
                            .filter(f -> f.range(r -> r.date(d -> d.field("abandonmentDeadline")
                                    .lt(now.toString())))))), ResponseDocument.class);
            List<Hit<ResponseDocument>> hits = due.hits().hits().stream()
                    .filter(h -> h.source() != null && AbandonmentDetector.due(h.source(), now))
                    .filter(h -> h.source().signal(h.source().signalId(SignalKind.ABANDONMENT, null)).isEmpty())
                    .toList();
            if (hits.isEmpty()) {
                return marked;
            }
            int written = write(indices, hits);
            marked += written;
            if (written == 0 || due.hits().hits().size() < PAGE) {
                return marked;
            }
        }
    }

    private int write(IndexSet indices, List<Hit<ResponseDocument>> hits) throws IOException {
        BulkRequest.Builder responses = new BulkRequest.Builder();
        for (Hit<ResponseDocument> hit : hits) {
            ResponseDocument response = hit.source();
            detector.abandon(response);
            Scores.recompute(response);
            responses.operations(op -> op.index(i -> i.index(indices.responses()).id(hit.id()).document(response)
                    .ifSeqNo(hit.seqNo()).ifPrimaryTerm(hit.primaryTerm())));
        }
        BulkResponse result = client.bulk(responses.build());
        List<SignalDocument> signals = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            if (result.items().get(i).error() == null) {
                ResponseDocument response = hits.get(i).source();
                response.signal(response.signalId(SignalKind.ABANDONMENT, null)).ifPresent(signals::add);
            }
        }
        if (!signals.isEmpty()) {
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            signals.forEach(s -> bulk.operations(op -> op.index(i -> i.index(indices.signals()).id(s.signalId).document(s))));
            client.bulk(bulk.build());
            log.info("Marked {} responses abandoned", signals.size());
        }
        return signals.size();
    }
}
