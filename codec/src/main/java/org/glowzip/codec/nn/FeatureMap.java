package org.glowzip.codec.nn;

/**
 * A stack of {@code channels} planes of {@code height x width} floats: one image's activations
 * in a network. Plane {@code c} is the row array {@code planes[c]}, row-major, so that kernels
 * loop over whole rows with zero offsets (the form the JIT vectorizes).
 */
public final class FeatureMap {
    private final int height;
    private final int width;
    private final float[][] planes;

    public FeatureMap(int channels, int height, int width) {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("feature map " + channels + "x" + height + "x" + width);
        }
        this.height = height;
        this.width = width;
        this.planes = new float[channels][height * width];
    }

    public int channels() {
        return planes.length;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Plane {@code c}, row-major, {@code height * width} floats; writes go through. */
    public float[] plane(int c) {
        return planes[c];
    }

    public float get(int c, int y, int x) {
        return planes[c][y * width + x];
    }

    public void set(int c, int y, int x, float value) {
        planes[c][y * width + x] = value;
    }
}
