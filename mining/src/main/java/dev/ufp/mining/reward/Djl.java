package dev.ufp.mining.reward;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The PyTorch engine, asked for by name: the MiniLM encoder brings ONNX Runtime along, and DJL's default engine
 * must not depend on which one the class path lists first.
 */
final class Djl {

    static final String ENGINE = "PyTorch";

    private Djl() {
    }

    static Engine engine() {
        return Engine.getEngine(ENGINE);
    }

    static NDManager manager() {
        return NDManager.newBaseManager(Device.cpu(), ENGINE);
    }

    static Model model(String name) {
        return Model.newInstance(name, Device.cpu(), ENGINE);
    }

    /** Rows as one (n × d) float array. */
    static NDArray matrix(NDManager manager, float[][] rows, int dim) {
        float[] flat = new float[rows.length * dim];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * dim, dim);
        }
        return manager.create(flat, new Shape(rows.length, dim));
    }
}
