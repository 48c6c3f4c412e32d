package dev.ufp.bridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ufp.mining.dataset.DatasetManifest;
import dev.ufp.mining.dataset.DatasetStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Trainer-bridge stream throughput: saves N synthetic pairs per size into the store (H2 file, the platform's
 * default), then streams them through {@code GET /v1/datasets/{id}/pairs?format=trl} over real HTTP and, as the
 * in-run baseline, reads the same rows' bodies with raw JDBC ({@code select body from dataset_row …}, the store's
 * fetch size). Prints pairs/s of both and their ratio, and the heap (after GC, at rest and peak while streaming)
 * and RSS at each size: memory must stay flat as the dataset grows.
 * <p>
 * {@code StreamBenchmark [--pairs 100000,400000] [--dir target/stream-bench] [--runs 2]
 * [--h2-options LAZY_QUERY_EXECUTION=TRUE] [--jdbc-url jdbc:postgresql://127.0.0.1:5432/DB --jdbc-user postgres]};
 * with {@code --jdbc-url} the store is that database (e.g. PostgreSQL, the production store; an empty database the
 * run may fill) instead of an H2 file. Exits 1 if a stream was incomplete.
 */
public final class StreamBenchmark {

    private static final int FETCH_SIZE = 2000;

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>(List.of(100_000, 400_000));
        Path dir = Path.of("target/stream-bench");
        int runs = 2;
        String urlOptions = "";
        String jdbcUrl = null;
        String jdbcUser = "postgres";
        for (int i = 0; i < args.length - 1; i += 2) {
            switch (args[i]) {
                case "--pairs" -> sizes = java.util.Arrays.stream(args[i + 1].split(",")).map(Integer::parseInt)
                        .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
                case "--dir" -> dir = Path.of(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--h2-options" -> urlOptions = ";" + args[i + 1];
                case "--jdbc-url" -> jdbcUrl = args[i + 1];
                case "--jdbc-user" -> jdbcUser = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Files.createDirectories(dir);
        String adminKey = "bench-" + UUID.randomUUID();
        String db = dir.toAbsolutePath().resolve("db-" + UUID.randomUUID()).toString();
        boolean ok = true;
        // command-line arguments: they outrank the modules' defaults (default properties would not)
        String url = jdbcUrl != null ? jdbcUrl : "jdbc:h2:file:" + db
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" + urlOptions;
        String profile = url.startsWith("jdbc:postgresql") ? "postgres" : "default";
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StandaloneBridge.class).run(
                "--" + StandaloneBridge.ENABLED + "=true", "--server.port=0",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + jdbcUser,
                "--spring.profiles.active=" + profile,
                "--feedback.admin-key=" + adminKey, "--feedback.kafka.enabled=false",
                "--feedback.home=" + dir.toAbsolutePath(), "--logging.level.root=WARN",
                "--spring.main.banner-mode=off")) {
            Bench bench = new Bench(context, adminKey);
            System.out.printf("%-8s %8s %12s %12s %7s %10s %10s %8s%n", "pairs", "save s", "http pairs/s",
                    "jdbc pairs/s", "ratio", "heap MB", "peak +MB", "RSS MB");
            for (int pairs : sizes) {
                ok &= bench.size(pairs, runs);
            }
        }
        System.exit(ok ? 0 : 1);
    }

    private static final class Bench {
        private final DatasetStore store;
        private final DataSource dataSource;
        private final HttpClient http = HttpClient.newHttpClient();
        private final ObjectMapper json = new ObjectMapper();
        private final String base;
        private final String adminKey;

        Bench(ConfigurableApplicationContext context, String adminKey) {
            this.store = context.getBean(DatasetStore.class);
            this.dataSource = context.getBean(DataSource.class);
            this.base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            this.adminKey = adminKey;
        }

        boolean size(int pairs, int runs) throws Exception {
            String tenant = "bench" + pairs;
            long t0 = System.nanoTime();
            DatasetManifest dataset = store.save(SyntheticDatasets.manifest(tenant, "prefs", pairs, 0),
                    SyntheticDatasets.pairs(tenant, 0, pairs), List.of());
            double saveSeconds = (System.nanoTime() - t0) / 1e9;
            String key = key(tenant);
            double bestHttp = 0;
            double bestJdbc = 0;
            long peak = 0;
            boolean complete = true;
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                complete &= stream(key, dataset.datasetId(), 0, 0)[0] == pairs;
                bestHttp = Math.max(bestHttp, pairs / ((System.nanoTime() - start) / 1e9));
                start = System.nanoTime();
                complete &= jdbc(dataset.datasetId()) == pairs;
                bestJdbc = Math.max(bestJdbc, pairs / ((System.nanoTime() - start) / 1e9));
            }
            // one more, untimed pass for memory: a GC and a heap sample every tenth of the stream
            long rest = usedAfterGc();
            long[] sampled = stream(key, dataset.datasetId(), Math.max(1, pairs / 10), rest);
            complete &= sampled[0] == pairs;
            peak = sampled[1];
            System.out.printf("%-8d %8.1f %12.0f %12.0f %7.2f %10d %10d %8d%s%n", pairs, saveSeconds, bestHttp,
                    bestJdbc, bestHttp / bestJdbc, usedAfterGc() >> 20, peak >> 20, rssMb(),
                    complete ? "" : "  INCOMPLETE");
            return complete;
        }

        private String key(String tenant) throws Exception {
            String body = json.writeValueAsString(Map.of("tenant", tenant, "roles", List.of("trainer")));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/admin/keys"))
                    .header("Authorization", "Bearer " + adminKey).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return json.readTree(response.body()).get("key").asText();
        }

        /** Rows received, and the peak heap growth over {@code rest} (after GC) sampled every {@code sampleEvery} rows
         * (0: no samples). */
        private long[] stream(String key, String datasetId, long sampleEvery, long rest) throws Exception {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                            URI.create(base + "/v1/datasets/" + datasetId + "/pairs?format=trl"))
                    .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofInputStream());
            long rows = 0;
            long peak = 0;
            try (InputStream in = response.body()) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            rows++;
                            if (sampleEvery > 0 && rows % sampleEvery == 0) {
                                peak = Math.max(peak, usedAfterGc() - rest);
                            }
                        }
                    }
                }
            }
            return new long[]{rows, peak};
        }

        private long jdbc(String datasetId) throws Exception {
            long rows = 0;
            long chars = 0;
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement statement = connection.prepareStatement("select body from dataset_row"
                                + " where dataset_id = ? and kind = 'p' and seq > 0 order by seq",
                        ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                    statement.setFetchSize(FETCH_SIZE);
                    statement.setString(1, datasetId);
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            chars += rs.getString(1).length();
                            rows++;
                        }
                    }
                }
                connection.commit();
            }
            return chars > 0 ? rows : -1;
        }
    }

    private static long usedAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long rssMb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
            }
        }
        return -1;
    }

    private StreamBenchmark() {
    }
}
