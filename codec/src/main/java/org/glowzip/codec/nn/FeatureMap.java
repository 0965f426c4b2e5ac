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

    /** Adds {@code other}, of the same shape, element by element (one float addition each); returns this map. */
    public FeatureMap add(FeatureMap other) {
        if (other.channels() != channels() || other.height != height || other.width != width) {
            throw new IllegalArgumentException("adding a " + other.channels() + "x" + other.height + "x" + other.width
                    + " map to a " + channels() + "x" + height + "x" + width + " one");
        }
        for (int c = 0; c < planes.length; c++) {
            float[] plane = planes[c];
            float[] addend = other.planes[c];
            for (int i = 0; i < plane.length; i++) {
                plane[i] += addend[i];
            }
        }
        return this;
    }

    public float get(int c, int y, int x) {
        return planes[c][y * width + x];
    }

    public void set(int c, int y, int x, float value) {
        planes[c][y * width + x] = value;
    }
}
