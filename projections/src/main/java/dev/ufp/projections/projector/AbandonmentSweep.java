package dev.ufp.projections.projector;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.ufp.projections.elastic.IndexAdmin;
import dev.ufp.projections.elastic.IndexSet;
import dev.ufp.projections.elastic.ProjectionsProperties;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Abandonment, decided from event time: per tenant, the watermark is the newest {@code lastEventAt} of its
 * conversations (a composite {@code max} aggregation over the conversations index); responses whose
 * {@code abandonmentDeadline} lies before {@code watermark − feedback.projections.abandonment-grace} and that had
 * no in-window interaction get the weak negative abandonment signal. The wall clock only says <em>when</em> a sweep
 * runs (every {@code feedback.projections.abandonment-sweep-interval}, at the end of a rebuild, on
 * {@code POST /v1/admin/projections/abandonment-sweep}), never <em>what</em> it decides. Writes carry the read
 * sequence number: a response the processor changed meanwhile is left for the next sweep.
 */
@Component
public class AbandonmentSweep {

    private static final Logger log = LoggerFactory.getLogger(AbandonmentSweep.class);
    private static final int PAGE = 500;

    /** One tenant's watermark and the newest deadline it lets a sweep judge. */
    public record TenantWatermark(String tenant, Instant watermark, Instant cutoff) {
    }

    /** What one sweep saw and did. */
    public record Result(int marked, List<TenantWatermark> tenants) {
    }

    private final ElasticsearchClient client;
    private final IndexAdmin indexAdmin;
    private final AbandonmentDetector detector;
    private final Duration grace;
    private final DocumentCache cache;

    AbandonmentSweep(ElasticsearchClient client, IndexAdmin indexAdmin, Projector projector,
                     ProjectionsProperties properties, DocumentCache cache) {
        this.cache = cache;
        this.client = client;
        this.indexAdmin = indexAdmin;
        this.detector = projector.abandonment();
        this.grace = properties.abandonmentGrace();
    }

    @Scheduled(fixedDelayString = "${feedback.projections.abandonment-sweep-interval}",
            initialDelayString = "${feedback.projections.abandonment-sweep-interval}")
    void scheduled() {
        try {
            indexAdmin.ensureOnce();
            sweep(indexAdmin.aliases());
        } catch (IOException | RuntimeException e) {
            log.warn("Abandonment sweep failed, retrying at the next interval: {}", e.getMessage());
        }
    }

    /** Marks every due response in {@code indices}, tenant by tenant at its own watermark; returns how many. */
    public int sweep(IndexSet indices) throws IOException {
        return sweepWithResult(indices).marked();
    }

    /** {@link #sweep}, also answering each tenant's watermark and cutoff. */
    public Result sweepWithResult(IndexSet indices) throws IOException {
        client.indices().refresh(r -> r.index(indices.conversations(), indices.responses()));
        List<TenantWatermark> tenants = watermarks(indices);
        int marked = 0;
        for (TenantWatermark tenant : tenants) {
            marked += sweepTenant(indices, tenant);
        }
        return new Result(marked, tenants);
    }

    /** Every tenant with projected conversations, with its event-time watermark, by tenant name. */
    List<TenantWatermark> watermarks(IndexSet indices) throws IOException {
        List<TenantWatermark> tenants = new ArrayList<>();
        Map<String, FieldValue> after = null;
        while (true) {
            Map<String, FieldValue> from = after;
            SearchResponse<Void> page = client.search(s -> s.index(indices.conversations()).size(0)
                    .aggregations("tenants", a -> a.composite(c -> {
                        c.size(PAGE).sources(Map.of("tenant", CompositeAggregationSource.of(cs -> cs
                                .terms(t -> t.field("tenant")))));
                        return from == null ? c : c.after(from);
                    }).aggregations("watermark", w -> w.max(m -> m.field("lastEventAt")))), Void.class);
            CompositeAggregate composite = page.aggregations().get("tenants").composite();
            for (CompositeBucket bucket : composite.buckets().array()) {
                Double max = bucket.aggregations().get("watermark").max().value();
                if (max != null && !max.isInfinite()) {
                    Instant watermark = Instant.ofEpochMilli(max.longValue());
                    tenants.add(new TenantWatermark(bucket.key().get("tenant").stringValue(), watermark,
                            AbandonmentDetector.cutoff(watermark, grace)));
                }
            }
            if (composite.buckets().array().size() < PAGE || composite.afterKey() == null
                    || composite.afterKey().isEmpty()) {
                return tenants;
            }
            after = new TreeMap<>(composite.afterKey());
        }
    }

    private int sweepTenant(IndexSet indices, TenantWatermark tenant) throws IOException {
        int marked = 0;
        while (true) {
            SearchResponse<ResponseDocument> due = client.search(s -> s.index(indices.responses()).size(PAGE)
                    .seqNoPrimaryTerm(true)
                    .query(q -> q.bool(b -> b
                            .filter(f -> f.term(t -> t.field("tenant").value(tenant.tenant())))
                            .filter(f -> f.term(t -> t.field("interacted").value(false)))
                            .filter(f -> f.term(t -> t.field("abandoned").value(false)))
                            .filter(f -> f.range(r -> r.date(d -> d.field("abandonmentDeadline")
                                    .lt(tenant.cutoff().toString())))))), ResponseDocument.class);
            List<Hit<ResponseDocument>> hits = due.hits().hits().stream()
                    .filter(h -> h.source() != null && AbandonmentDetector.due(h.source(), tenant.cutoff()))
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
            client.indices().refresh(r -> r.index(indices.responses()));
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
        BulkResponse result;
        try {
            result = client.bulk(responses.build());
        } finally {
            // the projection's cached copies are older than what this wrote (or tried to)
            cache.invalidate(indices.responses(), hits.stream().map(Hit::id).toList());
        }
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
            dropWithdrawnMeanwhile(indices, signals);
            log.info("Marked {} responses abandoned", signals.size());
        }
        return signals.size();
    }

    /**
     * A batch that projected an in-window interaction between this sweep's response write and its signal write
     * has withdrawn the signal (and deleted it, before it was written here): re-read those responses in real time
     * and delete the signals they no longer hold.
     */
    private void dropWithdrawnMeanwhile(IndexSet indices, List<SignalDocument> signals) throws IOException {
        List<String> ids = signals.stream().map(s -> Documents.responseId(s.tenant, s.conversationId, s.responseId))
                .toList();
        MgetResponse<ResponseDocument> now = client.mget(m -> m.index(indices.responses()).ids(ids),
                ResponseDocument.class);
        BulkRequest.Builder deletes = new BulkRequest.Builder();
        int withdrawn = 0;
        for (int i = 0; i < signals.size(); i++) {
            MultiGetResponseItem<ResponseDocument> item = now.docs().get(i);
            String signalId = signals.get(i).signalId;
            if (item.isResult() && item.result().source() != null
                    && item.result().source().signal(signalId).isEmpty()) {
                deletes.operations(op -> op.delete(d -> d.index(indices.signals()).id(signalId)));
                withdrawn++;
            }
        }
        if (withdrawn > 0) {
            client.bulk(deletes.build());
            log.info("{} abandonments were withdrawn by interactions projected during the sweep", withdrawn);
        }
    }
}
