package org.glowzip.model.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowLayout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** One step of flow: {@link ActNorm}, then {@link InvertibleConv1x1}, then {@link Coupling}. */
public final class FlowStep implements FlowLayer {
    private final ActNorm actNorm;
    private final InvertibleConv1x1 invConv;
    private final Coupling coupling;

    public FlowStep(GlowLayout.Step names, int channels, int hidden, CouplingType type, DataType dataType, Random random) {
        this(names, channels, hidden, type, 0, dataType, random);
    }

    /** A step whose coupling is conditioned on {@code borderPlanes} planes of its tile's border (none: 0). */
    public FlowStep(GlowLayout.Step names, int channels, int hidden, CouplingType type, int borderPlanes, DataType dataType, Random random) {
        this.actNorm = new ActNorm(names.actnorm(), channels, dataType);
        this.invConv = new InvertibleConv1x1(names.invconv(), channels, dataType, random);
        this.coupling = new Coupling(names, channels, hidden, type, borderPlanes, dataType, random);
    }

    public ActNorm actNorm() {
        return actNorm;
    }

    public InvertibleConv1x1 invConv() {
        return invConv;
    }

    @Override
    public INDArray forward(INDArray x, INDArray logDet) {
        return forward(x, logDet, null);
    }

    /** {@link #forward(INDArray, INDArray)} given the tile's border planes at this level (see {@link Coupling}). */
    public INDArray forward(INDArray x, INDArray logDet, INDArray border) {
        return coupling.forward(invConv.forward(actNorm.forward(x, logDet), logDet), logDet, border);
    }

    @Override
    public INDArray reverse(INDArray y) {
        return reverse(y, null, Inversion.EXACT);
    }

    /** {@code f^-1(y)} given the border planes, clamped as {@code inversion} says. */
    public INDArray reverse(INDArray y, INDArray border, Inversion inversion) {
        return inversion.activations(actNorm.reverse(invConv.reverse(coupling.reverse(y, border, inversion))));
    }

    @Override
    public INDArray backward(INDArray gradY, double logDetWeight) {
        INDArray grad = coupling.backward(gradY, logDetWeight);
        grad = invConv.backward(grad, logDetWeight);
        return actNorm.backward(grad, logDetWeight);
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(actNorm.parameters());
        all.addAll(invConv.parameters());
        all.addAll(coupling.parameters());
        return all;
    }
}
