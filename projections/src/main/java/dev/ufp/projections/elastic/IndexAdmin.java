package dev.ufp.projections.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.PutIndexTemplateRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Index templates (explicit, strict mappings from {@code elasticsearch/*.json}), versioned indices
 * {@code <alias>-v1-<UTC timestamp>} behind the aliases, created at start-up when missing, and atomic swaps.
 */
@Component
public class IndexAdmin implements SmartInitializingSingleton {

    public static final String RESPONSES = "feedback-responses";
    public static final String SIGNALS = "feedback-signals";
    public static final String CONVERSATIONS = "feedback-conversations";
    /**
     * Bump with any mapping change; a rebuild then moves the aliases to indices of the new version.
     * v2: {@code attributes} is one {@code flattened} field (v1 mapped one keyword field per attribute name).
     */
    public static final String MAPPING_VERSION = "v2";
    private static final Logger log = LoggerFactory.getLogger(IndexAdmin.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private final ElasticsearchClient client;
    private final ProjectionsProperties properties;
    private final Clock clock = Clock.systemUTC();

    IndexAdmin(ElasticsearchClient client, ProjectionsProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    /** The aliases every reader and the live processor use. */
    public IndexSet aliases() {
        String p = properties.indexPrefix();
        return new IndexSet(p + RESPONSES, p + SIGNALS, p + CONVERSATIONS);
    }

    private volatile boolean ensured;

    /** At start-up, before the processors run; if Elasticsearch is not up yet, the first batch tries again. */
    @Override
    public void afterSingletonsInstantiated() {
        try {
            ensure();
        } catch (RuntimeException e) {
            log.warn("Elasticsearch indices not prepared at start-up ({}); the projections retry when they write",
                    e.getMessage());
        }
    }

    /** {@link #ensure()} once per process (again after a failure). */
    public void ensureOnce() {
        if (!ensured) {
            ensure();
        }
    }

    /** Puts the templates and creates an index behind each alias that has none. Idempotent. */
    public synchronized void ensure() {
        try {
            for (String name : List.of(RESPONSES, SIGNALS, CONVERSATIONS)) {
                String alias = properties.indexPrefix() + name;
                putTemplate(name, alias);
                if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
                    String index = alias + "-" + MAPPING_VERSION + "-" + STAMP.format(clock.instant());
                    client.indices().create(c -> c.index(index).aliases(alias, a -> a.isWriteIndex(true)));
                    log.info("Created index {} behind alias {}", index, alias);
                } else {
                    warnIfOlderMapping(alias);
                }
            }
            ensured = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Elasticsearch indices", e);
        }
    }

    /** An index of an older mapping keeps its mapping until a rebuild replaces it; say so once at start-up. */
    private void warnIfOlderMapping(String alias) throws IOException {
        for (String index : client.indices().getAlias(a -> a.name(alias)).result().keySet()) {
            if (!index.startsWith(alias + "-" + MAPPING_VERSION + "-")) {
                log.warn("Alias {} points to {}, not a mapping-{} index: it keeps its old mapping until "
                        + "POST /v1/admin/projections/rebuild moves the alias to a new index", alias, index,
                        MAPPING_VERSION);
            }
        }
    }

    /** Creates a fresh generation of concrete indices (no aliases) for a rebuild. */
    public IndexSet createGeneration() throws IOException {
        String stamp = MAPPING_VERSION + "-" + STAMP.format(clock.instant());
        IndexSet aliases = aliases();
        IndexSet fresh = new IndexSet(aliases.responses() + "-" + stamp, aliases.signals() + "-" + stamp,
                aliases.conversations() + "-" + stamp);
        for (String index : fresh.all()) {
            client.indices().create(c -> c.index(index));
        }
        return fresh;
    }

    /** The concrete indices behind the aliases now. */
    public IndexSet current() throws IOException {
        IndexSet aliases = aliases();
        List<String> concrete = new ArrayList<>();
        for (String alias : aliases.all()) {
            var indices = client.indices().getAlias(a -> a.name(alias)).result().keySet();
            if (indices.size() != 1) {
                throw new IllegalStateException("alias " + alias + " points to " + indices + ", expected one index");
            }
            concrete.add(indices.iterator().next());
        }
        return new IndexSet(concrete.get(0), concrete.get(1), concrete.get(2));
    }

    /** Moves every alias from {@code from} to {@code to} in one atomic {@code _aliases} request. */
    public void swap(IndexSet from, IndexSet to) throws IOException {
        IndexSet aliases = aliases();
        client.indices().updateAliases(u -> {
            for (int i = 0; i < 3; i++) {
                String alias = aliases.all().get(i);
                String oldIndex = from.all().get(i);
                String newIndex = to.all().get(i);
                u.actions(a -> a.remove(r -> r.index(oldIndex).alias(alias)));
                u.actions(a -> a.add(ad -> ad.index(newIndex).alias(alias).isWriteIndex(true)));
            }
            return u;
        });
    }

    public void delete(IndexSet indices) throws IOException {
        client.indices().delete(d -> d.index(indices.all()));
    }

    public void refresh(IndexSet indices) throws IOException {
        client.indices().refresh(r -> r.index(indices.all()));
    }

    private void putTemplate(String name, String alias) throws IOException {
        String body = read("elasticsearch/" + name + ".json")
                .replace("\"number_of_shards\": 1", "\"number_of_shards\": " + properties.shards())
                .replace("\"number_of_replicas\": 0", "\"number_of_replicas\": " + properties.replicas());
        String json = "{\"index_patterns\": [\"" + alias + "-v*\"], \"priority\": 100, \"template\": " + body + "}";
        client.indices().putIndexTemplate(PutIndexTemplateRequest.of(t -> t.name(alias)
                .withJson(new StringReader(json))));
    }

    private static String read(String resource) throws IOException {
        return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
    }
}
