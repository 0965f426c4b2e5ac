package org.glowzip.codec.modelfile;

import java.util.Arrays;
import java.util.Objects;

/**
 * A named float32 tensor of a model file: its shape and its elements in row-major order (the last
 * dimension varies fastest). Instances copy their arrays in and out, so they are immutable.
 */
public final class NamedTensor {
    /** Longest name, in bytes. */
    public static final int MAX_NAME_LENGTH = 255;
    /** Most dimensions. */
    public static final int MAX_RANK = 8;

    private final String name;
    private final int[] shape;
    private final float[] data;

    /**
     * @param name 1 to {@value #MAX_NAME_LENGTH} characters from {@code [A-Za-z0-9._-]}
     * @param shape 1 to {@value #MAX_RANK} dimensions, each at least 1
     * @param data {@code product(shape)} finite values, row-major
     */
    public NamedTensor(String name, int[] shape, float[] data) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(data, "data");
        String nameProblem = nameProblem(name);
        if (nameProblem != null) {
            throw new IllegalArgumentException(nameProblem);
        }
        if (shape.length < 1 || shape.length > MAX_RANK) {
            throw new IllegalArgumentException("rank " + shape.length + " outside [1, " + MAX_RANK + "]");
        }
        long count = 1;
        for (int dimension : shape) {
            if (dimension < 1) {
                throw new IllegalArgumentException("dimension " + dimension + " of " + name + " is not positive");
            }
            count *= dimension;
            if (count > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(name + " has more than 2^31-1 elements");
            }
        }
        if (count != data.length) {
            throw new IllegalArgumentException(
                    name + " has shape " + Arrays.toString(shape) + " but " + data.length + " elements");
        }
        for (int i = 0; i < data.length; i++) {
            if (!Float.isFinite(data[i])) {
                throw new IllegalArgumentException(name + " element " + i + " is not finite: " + data[i]);
            }
        }
        this.name = name;
        this.shape = shape.clone();
        this.data = data.clone();
    }

    /** Why {@code name} is not a valid tensor name, or {@code null} if it is. */
    static String nameProblem(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            return "tensor name length " + name.length() + " outside [1, " + MAX_NAME_LENGTH + "]";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!allowed) {
                return "tensor name has character 0x" + Integer.toHexString(c) + " outside [A-Za-z0-9._-]";
            }
        }
        return null;
    }

    public String name() {
        return name;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** A copy of the elements, row-major. */
    public float[] data() {
        return data.clone();
    }

    /** Number of elements. */
    public int size() {
        return data.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NamedTensor that
                && name.equals(that.name)
                && Arrays.equals(shape, that.shape)
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(shape), Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
