package dev.ufp.mining.reward;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ufp.mining.JsonText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Reward model versions per tenant in the platform's database ({@code reward_model}, Flyway V4): numbered 1, 2, …
 * per tenant, never changed once saved. The artifact is the zip of the ensemble's params and descriptor.
 */
@Component
public class ModelRegistry {

    private static final String COLUMNS = "model_id, tenant_id, version, created_at, objective, training_set, metrics,"
            + " parameters, artifact_size";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper mapper;

    public ModelRegistry(JdbcTemplate jdbc, TransactionTemplate transactions, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.mapper = mapper;
    }

    /** Registers the ensemble trained into {@code ensembleDir} as the tenant's next version. */
    public RewardModelVersion save(String tenant, String trainingSet, EvaluationReport metrics,
                                   TrainingConfig parameters, Path ensembleDir) {
        byte[] artifact = ModelArtifact.zip(ensembleDir, parameters.heads());
        return transactions.execute(status -> {
            Integer last = jdbc.queryForObject("select max(version) from reward_model where tenant_id = ?",
                    Integer.class, tenant);
            int version = last == null ? 1 : last + 1;
            RewardModelVersion saved = new RewardModelVersion(modelId(tenant, version), tenant, version,
                    Instant.now().truncatedTo(ChronoUnit.MILLIS), parameters.objective().wireName(), trainingSet,
                    metrics, parameters, artifact.length);
            jdbc.update("insert into reward_model (" + COLUMNS + ", artifact) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    saved.modelId(), tenant, version, Timestamp.from(saved.createdAt()), saved.objective(),
                    trainingSet, json(metrics), json(parameters), (long) artifact.length, artifact);
            return saved;
        });
    }

    /** The tenant's versions, newest first. */
    public List<RewardModelVersion> list(String tenant) {
        return jdbc.query("select " + COLUMNS + " from reward_model where tenant_id = ? order by version desc",
                rows(), tenant);
    }

    public Optional<RewardModelVersion> get(String tenant, String modelId) {
        return jdbc.query("select " + COLUMNS + " from reward_model where tenant_id = ? and model_id = ?", rows(),
                tenant, modelId).stream().findFirst();
    }

    public Optional<RewardModelVersion> latest(String tenant) {
        return jdbc.query("select " + COLUMNS + " from reward_model where tenant_id = ? order by version desc"
                + " limit 1", rows(), tenant).stream().findFirst();
    }

    /** Only the id of the newest version: the scoring processor's cheap check. */
    public Optional<String> latestId(String tenant) {
        return jdbc.queryForList("select model_id from reward_model where tenant_id = ? order by version desc"
                + " limit 1", String.class, tenant).stream().findFirst();
    }

    public Optional<byte[]> artifact(String tenant, String modelId) {
        return jdbc.query("select artifact from reward_model where tenant_id = ? and model_id = ?",
                (rs, n) -> rs.getBytes(1), tenant, modelId).stream().findFirst();
    }

    /** The version's ensemble, ready to score (its files unpacked in a temporary directory, deleted after loading). */
    public Optional<RewardEnsemble> load(String tenant, String modelId) {
        return artifact(tenant, modelId).map(bytes -> {
            Path dir = null;
            try {
                dir = Files.createTempDirectory("reward-model-");
                ModelArtifact.unzip(bytes, dir);
                return RewardEnsemble.load(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                deleteQuietly(dir);
            }
        });
    }

    static String modelId(String tenant, int version) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("reward\u0000" + tenant + '\u0000' + version)
                    .getBytes(StandardCharsets.UTF_8));
            return "rm_" + HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private RowMapper<RewardModelVersion> rows() {
        return (rs, n) -> new RewardModelVersion(rs.getString(1), rs.getString(2), rs.getInt(3),
                rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6),
                read(rs.getString(7), EvaluationReport.class), read(rs.getString(8), TrainingConfig.class),
                rs.getLong(9));
    }

    private static void deleteQuietly(Path dir) {
        try {
            RewardTrainer.deleteTree(dir);
        } catch (IOException | RuntimeException ignored) {
            // a temporary directory left behind is harmless
        }
    }

    private String json(Object value) {
        return JsonText.write(mapper, value);
    }

    private <T> T read(String json, Class<T> type) {
        return JsonText.read(mapper, json, type);
    }
}
