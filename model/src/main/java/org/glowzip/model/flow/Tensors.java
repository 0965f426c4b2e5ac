package org.glowzip.model.flow;

import org.glowzip.codec.modelfile.PriorPhases;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Broadcast;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Small tensor helpers for {@code [N, C, H, W]} arrays. */
public final class Tensors {
    private Tensors() {
    }

    /** Channels {@code [from, to)} of {@code x}, as a copy. */
    public static INDArray channels(INDArray x, long from, long to) {
        return x.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all()).dup('c');
    }

    /** {@code x} and {@code y} joined along the channel axis. */
    public static INDArray concatChannels(INDArray x, INDArray y) {
        return Nd4j.concat(1, x, y);
    }

    /** {@code x + v[c]} for a per-channel vector {@code v}. */
    public static INDArray addPerChannel(INDArray x, INDArray v) {
        return Broadcast.add(x, v, Nd4j.createUninitialized(x.dataType(), x.shape()), 1);
    }

    /** {@code x * v[c]} for a per-channel vector {@code v}. */
    public static INDArray mulPerChannel(INDArray x, INDArray v) {
        return Broadcast.mul(x, v, Nd4j.createUninitialized(x.dataType(), x.shape()), 1);
    }

    /** Sum over batch and space: a per-channel vector {@code [C]}. */
    public static INDArray sumPerChannel(INDArray x) {
        return x.sum(0, 2, 3);
    }

    /** Sum over all but the batch axis: a per-sample vector {@code [N]}. */
    public static INDArray sumPerSample(INDArray x) {
        return x.reshape(x.size(0), x.length() / x.size(0)).sum(1);
    }

    /** A mask like {@code like} ({@code [N, C, H, W]}): 1 where row plus column is even, 0 elsewhere. */
    public static INDArray evenSquares(INDArray like) {
        return quartersBefore(like, 2);
    }

    /** A mask like {@code like} ({@code [N, C, H, W]}): 1 on the squares whose {@link PriorPhases#quarter} is below {@code k}, 0 elsewhere. */
    public static INDArray quartersBefore(INDArray like, int k) {
        int height = (int) like.size(2);
        int width = (int) like.size(3);
        double[] plane = new double[height * width];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = PriorPhases.quarterOfIndex(i, width) < k ? 1 : 0;
        }
        INDArray one = Nd4j.create(plane, new long[] {1, 1, height, width}, DataType.DOUBLE).castTo(like.dataType());
        return Nd4j.zeros(like.dataType(), like.shape()).addi(one.broadcast(like.shape()));
    }

    /**
     * Space-to-depth: {@code [N, C, H, W] -> [N, 4C, H/2, W/2]}; output channel {@code 4c + 2i + j}
     * holds input channel {@code c} at row offset {@code i}, column offset {@code j}.
     */
    public static INDArray squeeze(INDArray x) {
        long n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
        return x.reshape('c', n, c, h / 2, 2, w / 2, 2).permute(0, 1, 3, 5, 2, 4).dup('c').reshape('c', n, c * 4, h / 2, w / 2);
    }

    /** The inverse of {@link #squeeze}. */
    public static INDArray unsqueeze(INDArray x) {
        long n = x.size(0), c = x.size(1) / 4, h = x.size(2), w = x.size(3);
        return x.reshape('c', n, c, 2, 2, h, w).permute(0, 1, 4, 2, 5, 3).dup('c').reshape('c', n, c, h * 2, w * 2);
    }
}
