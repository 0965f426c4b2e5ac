package org.glowzip.model.train;

import java.util.ArrayList;
import java.util.List;
import org.glowzip.model.flow.Parameter;
import org.glowzip.model.flow.ParameterVector;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam (Kingma and Ba 2015) with bias correction, updating the trainable parameters in place as
 * one {@link ParameterVector}. Its moment estimates are {@link #state() exported} for checkpoints
 * as parameters named {@code adam.m.<name>} and {@code adam.v.<name>}.
 */
public final class Adam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final ParameterVector vector;
    private final INDArray m;
    private final INDArray v;
    private final List<Parameter> state = new ArrayList<>();
    private long updates;

    /** Takes over the trainable parameters among {@code all} (see {@link ParameterVector}). */
    public Adam(List<Parameter> all) {
        this.vector = new ParameterVector(all);
        this.m = Nd4j.zerosLike(vector.values()).detach();
        this.v = Nd4j.zerosLike(vector.values()).detach();
        List<INDArray> mViews = vector.views(m);
        List<INDArray> vViews = vector.views(v);
        for (int i = 0; i < vector.parameters().size(); i++) {
            String name = vector.parameters().get(i).name();
            state.add(view("adam.m." + name, mViews.get(i)));
            state.add(view("adam.v." + name, vViews.get(i)));
        }
    }

    private static Parameter view(String name, INDArray array) {
        return new Parameter(name, array, false);
    }

    /** The Euclidean norm of all trainable gradients together. */
    public double gradientNorm() {
        return vector.gradients().norm2Number().doubleValue();
    }

    /** Scales every gradient by {@code factor}. */
    public void scaleGradients(double factor) {
        vector.gradients().muli(factor);
    }

    /** One update with learning rate {@code rate} from the gradients stored in the parameters. */
    public void update(double rate) {
        updates++;
        double correction1 = 1 - Math.pow(BETA1, updates);
        double correction2 = 1 - Math.pow(BETA2, updates);
        double stepSize = rate * Math.sqrt(correction2) / correction1;
        INDArray gradient = vector.gradients();
        m.muli(BETA1).addi(gradient.mul(1 - BETA1));
        v.muli(BETA2).addi(gradient.mul(gradient).muli(1 - BETA2));
        INDArray denominator = Transforms.sqrt(v, true).addi(EPSILON * Math.sqrt(correction2));
        vector.values().subi(m.div(denominator).muli(stepSize));
    }

    /** Moment estimates (views of the optimizer's vectors), to save in and restore from a checkpoint. */
    public List<Parameter> state() {
        return state;
    }

    /** The trainable parameters this optimizer updates, as one vector. */
    ParameterVector vector() {
        return vector;
    }

    /** Sets the number of updates done so far (after restoring {@link #state()}). */
    public void setUpdates(long updates) {
        this.updates = updates;
    }
}
