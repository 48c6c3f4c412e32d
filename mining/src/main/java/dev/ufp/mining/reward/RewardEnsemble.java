package dev.ufp.mining.reward;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * K trained heads loaded from a directory ({@code descriptor.json}, {@code head-<k>/head-<epoch>.params}): the
 * newest params of each head. Scoring is thread-safe (inference only, no state); a closed ensemble refuses to score.
 */
public final class RewardEnsemble implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final ModelDescriptor descriptor;
    private final List<Model> heads;
    private volatile boolean closed;

    private RewardEnsemble(ModelDescriptor descriptor, List<Model> heads) {
        this.descriptor = descriptor;
        this.heads = heads;
    }

    public static RewardEnsemble load(Path dir) {
        ModelDescriptor descriptor;
        try {
            descriptor = JSON.readValue(dir.resolve(ModelDescriptor.FILE).toFile(), ModelDescriptor.class);
        } catch (IOException e) {
            throw new UncheckedIOException("no readable " + ModelDescriptor.FILE + " in " + dir, e);
        }
        List<Model> heads = new ArrayList<>();
        try {
            for (int k = 0; k < descriptor.heads(); k++) {
                heads.add(loadHead(descriptor, dir.resolve(RewardTrainer.headDir(k))));
            }
        } catch (RuntimeException e) {
            heads.forEach(Model::close);
            throw e;
        }
        return new RewardEnsemble(descriptor, heads);
    }

    static Model loadHead(ModelDescriptor descriptor, Path headDir) {
        Model model = Djl.model(RewardTrainer.HEAD);
        try {
            model.setBlock(MlpHead.block(descriptor.hidden(), (float) descriptor.dropout()));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, descriptor.inputDim()));
            model.load(headDir, RewardTrainer.HEAD);
            return model;
        } catch (IOException | MalformedModelException e) {
            model.close();
            throw new IllegalStateException("cannot load reward head from " + headDir + ": " + e.getMessage(), e);
        }
    }

    public ModelDescriptor descriptor() {
        return descriptor;
    }

    /** P[Love] of each head for each row: {@code [row][head]}. */
    public double[][] headProbabilities(float[][] features) {
        if (closed) {
            throw new IllegalStateException("this reward model was closed (evicted); load it again");
        }
        double[][] out = new double[features.length][heads.size()];
        if (features.length == 0) {
            return out;
        }
        for (int k = 0; k < heads.size(); k++) {
            Model head = heads.get(k);
            try (NDManager manager = head.getNDManager().newSubManager()) {
                NDArray x = Djl.matrix(manager, features, descriptor.inputDim());
                NDArray logits = head.getBlock().forward(new ParameterStore(manager, false), new NDList(x), false)
                        .singletonOrThrow();
                float[] p = Activation.sigmoid(logits.reshape(-1)).toFloatArray();
                for (int i = 0; i < p.length; i++) {
                    out[i][k] = p[i];
                }
            }
        }
        return out;
    }

    public List<EnsembleScore> score(float[][] features, ScoreMode mode, double lambda) {
        double[][] perHead = headProbabilities(features);
        List<EnsembleScore> scores = new ArrayList<>(perHead.length);
        for (double[] row : perHead) {
            scores.add(EnsembleScore.of(row, mode, lambda));
        }
        return scores;
    }

    /** Whether {@link #close()} freed the heads' native memory. */
    boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            heads.forEach(Model::close);
        }
    }
}
