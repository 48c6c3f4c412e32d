package dev.ufp.projections.analytics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.util.ObjectBuilder;
import dev.ufp.projections.elastic.IndexAdmin;
import dev.ufp.projections.model.ResponseDocument;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The analyst queries, each filtered on one tenant; aggregation only (no scripts: this distribution has none). */
@Component
class AnalyticsQueries {

    private static final Function<Aggregation.Builder, ObjectBuilder<Aggregation>> LOVED =
            a -> a.filter(f -> f.term(t -> t.field("loved").value(true)));

    private final ElasticsearchClient client;
    private final IndexAdmin indices;

    AnalyticsQueries(ElasticsearchClient client, IndexAdmin indices) {
        this.client = client;
        this.indices = indices;
    }

    Table loveRate(String tenant, String groupBy, String field, Instant from, Instant to) throws IOException {
        boolean day = field.equals("respondedAt");
        SearchResponse<Void> result = client.search(s -> s.index(indices.aliases().responses()).size(0)
                .query(tenantAndTime(tenant, "respondedAt", from, to, b -> b))
                .aggregations("groups", a -> day
                        ? a.dateHistogram(h -> h.field(field).calendarInterval(CalendarInterval.Day).minDocCount(1)
                        .format("yyyy-MM-dd")).aggregations("loved", LOVED)
                        : a.terms(t -> t.field(field).size(1000)).aggregations("loved", LOVED)), Void.class);
        Aggregate groups = result.aggregations().get("groups");
        List<Map<String, Object>> rows = new ArrayList<>();
        if (day) {
            groups.dateHistogram().buckets().array().forEach(b -> rows.add(loveRow(b.keyAsString(), b.docCount(),
                    b.aggregations().get("loved").filter().docCount())));
        } else {
            for (StringTermsBucket b : groups.sterms().buckets().array()) {
                rows.add(loveRow(b.key().stringValue(), b.docCount(), b.aggregations().get("loved").filter().docCount()));
            }
        }
        return new Table(meta("groupBy", groupBy, "confidence", 0.95),
                List.of("group", "responses", "loved", "loveRate", "ciLow", "ciHigh"), rows);
    }

    private static Map<String, Object> loveRow(String group, long responses, long loved) {
        double[] ci = Wilson.interval(loved, responses, Wilson.Z95);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("group", group);
        row.put("responses", responses);
        row.put("loved", loved);
        row.put("loveRate", round(responses == 0 ? 0 : (double) loved / responses));
        row.put("ciLow", round(ci[0]));
        row.put("ciHigh", round(ci[1]));
        return row;
    }

    Table signalMix(String tenant, Instant from, Instant to) throws IOException {
        SearchResponse<Void> result = client.search(s -> s.index(indices.aliases().signals()).size(0)
                .query(tenantAndTime(tenant, "occurredAt", from, to,
                        b -> b.filter(f -> f.term(t -> t.field("active").value(true)))))
                .aggregations("kinds", a -> a.terms(t -> t.field("kind").size(50))
                        .aggregations("polarity", p -> p.terms(t -> t.field("polarity").size(3)))
                        .aggregations("mean", m -> m.avg(v -> v.field("value")))), Void.class);
        List<StringTermsBucket> kinds = result.aggregations().get("kinds").sterms().buckets().array();
        long total = kinds.stream().mapToLong(StringTermsBucket::docCount).sum();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StringTermsBucket kind : kinds) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", kind.key().stringValue());
            row.put("signals", kind.docCount());
            row.put("share", round(total == 0 ? 0 : (double) kind.docCount() / total));
            for (String polarity : List.of("positive", "negative", "neutral")) {
                row.put(polarity, kind.aggregations().get("polarity").sterms().buckets().array().stream()
                        .filter(b -> b.key().stringValue().equals(polarity)).mapToLong(StringTermsBucket::docCount).sum());
            }
            row.put("meanValue", round(kind.aggregations().get("mean").avg().value()));
            rows.add(row);
        }
        return new Table(meta("activeSignals", total),
                List.of("kind", "signals", "share", "positive", "negative", "neutral", "meanValue"), rows);
    }

    Table worstResponses(String tenant, Instant from, Instant to, int limit) throws IOException {
        SearchResponse<ResponseDocument> result = client.search(s -> s.index(indices.aliases().responses()).size(limit)
                .query(tenantAndTime(tenant, "respondedAt", from, to, b -> b))
                .source(src -> src.filter(f -> f.excludes("signals", "liveReactions")))
                .sort(o -> o.field(f -> f.field("signalScore").order(SortOrder.Asc)))
                .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))), ResponseDocument.class);
        List<Map<String, Object>> rows = result.hits().hits().stream().map(h -> responseRow(h.source(), null)).toList();
        return new Table(meta("limit", limit), RESPONSE_COLUMNS, rows);
    }

    Table followUps(String tenant, String text, String kind, int limit) throws IOException {
        SearchResponse<ResponseDocument> result = client.search(s -> s.index(indices.aliases().responses()).size(limit)
                .query(q -> q.bool(b -> {
                    b.filter(f -> f.term(t -> t.field("tenant").value(tenant)))
                            .must(m -> m.match(mt -> mt.field("followUp.text").query(text)));
                    if (kind != null) {
                        b.filter(f -> f.term(t -> t.field("followUp.kind").value(kind)));
                    }
                    return b;
                }))
                .source(src -> src.filter(f -> f.excludes("signals", "liveReactions"))), ResponseDocument.class);
        List<Map<String, Object>> rows = result.hits().hits().stream()
                .map(h -> responseRow(h.source(), h.score())).toList();
        List<String> columns = new ArrayList<>(RESPONSE_COLUMNS);
        columns.add("relevance");
        return new Table(meta("q", text, "limit", limit), columns, rows);
    }

    private static final List<String> RESPONSE_COLUMNS = List.of("conversationId", "responseId", "model",
            "modelVersion", "variant", "respondedAt", "signalScore", "loved", "followUpKind", "followUpText",
            "promptText", "responseText");

    private static Map<String, Object> responseRow(ResponseDocument r, Double relevance) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("conversationId", r.conversationId);
        row.put("responseId", r.responseId);
        row.put("model", r.model);
        row.put("modelVersion", r.modelVersion);
        row.put("variant", r.variant);
        row.put("respondedAt", r.respondedAt);
        row.put("signalScore", r.signalScore);
        row.put("loved", r.loved);
        row.put("followUpKind", r.followUp == null ? null : r.followUp.kind);
        row.put("followUpText", r.followUp == null ? null : r.followUp.text);
        row.put("promptText", r.promptText);
        row.put("responseText", r.responseText);
        if (relevance != null) {
            row.put("relevance", round(relevance));
        }
        return row;
    }

    private static Function<Query.Builder, ObjectBuilder<Query>> tenantAndTime(
            String tenant, String timeField, Instant from, Instant to, Function<BoolQuery.Builder, BoolQuery.Builder> more) {
        return q -> q.bool(b -> {
            b.filter(f -> f.term(t -> t.field("tenant").value(tenant)));
            if (from != null || to != null) {
                b.filter(f -> f.range(r -> r.date(d -> {
                    d.field(timeField);
                    if (from != null) {
                        d.gte(from.toString());
                    }
                    if (to != null) {
                        d.lt(to.toString());
                    }
                    return d;
                })));
            }
            return more.apply(b);
        });
    }

    private static Map<String, Object> meta(Object... pairs) {
        Map<String, Object> meta = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            meta.put((String) pairs[i], pairs[i + 1]);
        }
        return meta;
    }

    private static double round(double value) {
        return Double.isNaN(value) ? 0 : Math.round(value * 10_000) / 10_000.0;
    }
}
