package org.glowzip.codec.image;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Arrays;

/**
 * An image: {@code width x height} pixels in a {@link SampleFormat} (1 to 4 channels of 8 or 16
 * bits), held as the 8-bit planes the coder codes, and the metadata that came with it.
 *
 * <p>Samples are stored plane-interleaved, row-major: plane byte {@code (y, x, p)} is at
 * {@code (y * width + x) * planes + p}, with planes numbered as {@link SampleFormat} says (high
 * bytes first). For 8-bit formats the planes are the channels.
 *
 * <p>{@link #metadata} is bytes the codec keeps with the image and returns unchanged without
 * reading them: what an image file says besides its samples ({@link ImageFormat} says what each
 * format puts there), at most {@link #MAX_METADATA} bytes. Instances are immutable.
 */
public final class Image {
    /** Largest accepted width or height. */
    public static final int MAX_SIDE = 1 << 16;
    /** Largest accepted number of samples, {@code width * height * planes}. */
    public static final long MAX_SAMPLES = 1L << 28;
    /** Largest accepted metadata, in bytes. */
    public static final int MAX_METADATA = 1 << 20;

    private static final byte[] NO_METADATA = {};

    private final int width;
    private final int height;
    private final SampleFormat format;
    private final byte[] samples;
    private final byte[] metadata;

    private Image(int width, int height, SampleFormat format, byte[] samples, byte[] metadata) {
        this.width = width;
        this.height = height;
        this.format = format;
        this.samples = samples;
        this.metadata = metadata;
    }

    /**
     * An 8-bit image over a copy of {@code samples}, interleaved channels.
     *
     * @throws IllegalArgumentException if the sizes are out of range or do not match the samples
     */
    public static Image of(int width, int height, int channels, byte[] samples) {
        if (channels < 1 || channels > 4) {
            throw new IllegalArgumentException(channels + " channels; 1 to 4 are supported");
        }
        return of(width, height, SampleFormat.of8Bit(channels), samples);
    }

    /**
     * An image over a copy of {@code planes}, plane-interleaved as this class stores them.
     *
     * @throws IllegalArgumentException if the sizes are out of range or do not match the samples
     */
    public static Image of(int width, int height, SampleFormat format, byte[] planes) {
        checkShape(width, height, format);
        if (planes.length != (long) width * height * format.planes()) {
            throw new IllegalArgumentException(planes.length + " plane samples for " + width + "x" + height + " " + format);
        }
        return new Image(width, height, format, planes.clone(), NO_METADATA);
    }

    /** An image over {@code planes} itself, for the file readers, which check the shape and fill the planes first. */
    static Image ownPlanes(int width, int height, SampleFormat format, byte[] planes) {
        return new Image(width, height, format, planes, NO_METADATA);
    }

    /**
     * An image of sample values, {@code values[(y * width + x) * channels + c]} in
     * {@code [0, format.maxValue()]}.
     *
     * @throws IllegalArgumentException if the sizes are out of range, do not match, or a value is out of range
     */
    public static Image ofValues(int width, int height, SampleFormat format, int[] values) {
        checkShape(width, height, format);
        int channels = format.channels();
        if (values.length != (long) width * height * channels) {
            throw new IllegalArgumentException(values.length + " values for " + width + "x" + height + " " + format);
        }
        int planes = format.planes();
        byte[] samples = new byte[width * height * planes];
        for (int i = 0; i < values.length; i++) {
            int value = values[i];
            if (value < 0 || value > format.maxValue()) {
                throw new IllegalArgumentException("value " + value + " outside 0.." + format.maxValue());
            }
            int pixel = i / channels * planes;
            int c = i % channels;
            if (format.bitDepth() == 8) {
                samples[pixel + c] = (byte) value;
            } else {
                samples[pixel + c] = (byte) (value >>> 8);
                samples[pixel + channels + c] = (byte) value;
            }
        }
        return new Image(width, height, format, samples, NO_METADATA);
    }

    /**
     * This image with {@code metadata} (a copy) in place of its own.
     *
     * @throws IllegalArgumentException if it exceeds {@link #MAX_METADATA}
     */
    public Image withMetadata(byte[] metadata) {
        if (metadata.length > MAX_METADATA) {
            throw new IllegalArgumentException(metadataProblem(metadata.length));
        }
        return new Image(width, height, format, samples, metadata.length == 0 ? NO_METADATA : metadata.clone());
    }

    /** Why metadata of this many bytes is not accepted, or {@code null}. */
    public static String metadataProblem(long bytes) {
        return bytes < 0 || bytes > MAX_METADATA ? "metadata of " + bytes + " bytes exceeds " + MAX_METADATA : null;
    }

    /** Why this shape is not accepted, or {@code null}; sizes are checked before allocation with this. */
    public static String shapeProblem(long width, long height, SampleFormat format) {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            return "image size " + width + "x" + height + " outside 1.." + MAX_SIDE;
        }
        if (width * height * format.planes() > MAX_SAMPLES) {
            return "image of " + width * height * format.planes() + " samples exceeds " + MAX_SAMPLES;
        }
        return null;
    }

    private static void checkShape(int width, int height, SampleFormat format) {
        String problem = shapeProblem(width, height, format);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public SampleFormat format() {
        return format;
    }

    /** Colour channels: 1 gray, 2 gray + alpha, 3 RGB, 4 RGBA. */
    public int channels() {
        return format.channels();
    }

    /** 8-bit planes per pixel, as {@link SampleFormat#planes} says. */
    public int planes() {
        return format.planes();
    }

    /** Number of 8-bit samples, {@code width * height * planes}: the "dimensions" of bits per dimension. */
    public int sampleCount() {
        return samples.length;
    }

    /** Plane byte {@code (y, x, p)} in {@code [0, 255]}. */
    public int sample(int y, int x, int plane) {
        return samples[(y * width + x) * format.planes() + plane] & 0xFF;
    }

    /** The value of channel {@code c} at {@code (y, x)}, in {@code [0, format().maxValue()]}. */
    public int value(int y, int x, int c) {
        int base = (y * width + x) * format.planes();
        int high = samples[base + c] & 0xFF;
        return format.bitDepth() == 8 ? high : high << 8 | samples[base + format.channels() + c] & 0xFF;
    }

    /** A copy of the plane-interleaved samples. */
    public byte[] samples() {
        return samples.clone();
    }

    /** A copy of the metadata; empty when there is none. */
    public byte[] metadata() {
        return metadata.clone();
    }

    /** True if this image carries metadata. */
    public boolean hasMetadata() {
        return metadata.length > 0;
    }

    /**
     * A {@link BufferedImage} with this image's samples, exactly: a {@link ComponentColorModel}
     * (gray or sRGB, alpha when the format has it, not premultiplied) over bytes or, at 16 bits,
     * unsigned shorts, its raster's bands the channels in order. Metadata is not carried over.
     */
    public BufferedImage toBufferedImage() {
        int channels = format.channels();
        ColorModel model = new ComponentColorModel(ColorSpace.getInstance(format.isColour() ? ColorSpace.CS_sRGB : ColorSpace.CS_GRAY),
                format.hasAlpha(), false, format.hasAlpha() ? Transparency.TRANSLUCENT : Transparency.OPAQUE,
                format.bitDepth() == 8 ? DataBuffer.TYPE_BYTE : DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(width, height);
        int[] row = new int[width * channels];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < channels; c++) {
                    row[x * channels + c] = value(y, x, c);
                }
            }
            raster.setPixels(0, y, width, 1, row);
        }
        return new BufferedImage(model, raster, false, null);
    }

    /**
     * The samples of {@code image}, exactly, read band by band from its raster: gray or RGB, with
     * alpha when it has alpha, of 8 or 16 bits as its bands are. A palette image becomes the RGB
     * (or RGBA, if the palette has alpha) of its 8-bit palette entries.
     *
     * @throws IllegalArgumentException if the samples have no exact {@link SampleFormat}: another
     *         colour space, premultiplied alpha, bands of other or unequal sizes
     */
    public static Image fromBufferedImage(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        Raster raster = image.getRaster();
        if (image.getColorModel() instanceof IndexColorModel palette) {
            return fromPalette(palette, raster);
        }
        SampleFormat format = exactFormat(image.getColorModel(), raster);
        checkShape(width, height, format);
        int channels = format.channels();
        int[] values = new int[width];
        byte[] samples = new byte[width * height * format.planes()];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                raster.getSamples(0, y, width, 1, c, values);
                for (int x = 0; x < width; x++) {
                    int at = (y * width + x) * format.planes() + c;
                    if (format.bitDepth() == 8) {
                        samples[at] = (byte) values[x];
                    } else {
                        samples[at] = (byte) (values[x] >>> 8);
                        samples[at + channels] = (byte) values[x];
                    }
                }
            }
        }
        return new Image(width, height, format, samples, NO_METADATA);
    }

    private static SampleFormat exactFormat(ColorModel model, Raster raster) {
        ColorSpace space = model.getColorSpace();
        int colours = model.getNumColorComponents();
        boolean gray = space.getType() == ColorSpace.TYPE_GRAY && colours == 1;
        boolean rgb = space.getType() == ColorSpace.TYPE_RGB && colours == 3;
        if (!gray && !rgb || raster.getNumBands() != model.getNumComponents()) {
            throw new IllegalArgumentException("a BufferedImage of " + colours + " colour components in colour space type " + space.getType()
                    + " and " + raster.getNumBands() + " bands is neither gray nor RGB");
        }
        if (model.isAlphaPremultiplied()) {
            throw new IllegalArgumentException("premultiplied alpha cannot be undone exactly; give a BufferedImage with straight alpha");
        }
        int[] sizes = raster.getSampleModel().getSampleSize();
        int bits = sizes[0];
        for (int size : sizes) {
            if (size != bits || size != 8 && size != 16) {
                throw new IllegalArgumentException("a BufferedImage of " + Arrays.toString(sizes)
                        + " bits per band; all bands of 8 or all of 16 bits are supported");
            }
        }
        return new SampleFormat(model.getNumComponents(), bits);
    }

    private static Image fromPalette(IndexColorModel palette, Raster raster) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        SampleFormat format = palette.hasAlpha() ? SampleFormat.RGBA : SampleFormat.RGB;
        checkShape(width, height, format);
        int channels = format.channels();
        int[] indices = new int[width];
        byte[] samples = new byte[width * height * channels];
        for (int y = 0; y < height; y++) {
            raster.getSamples(0, y, width, 1, 0, indices);
            for (int x = 0; x < width; x++) {
                int at = (y * width + x) * channels;
                int index = indices[x];
                samples[at] = (byte) palette.getRed(index);
                samples[at + 1] = (byte) palette.getGreen(index);
                samples[at + 2] = (byte) palette.getBlue(index);
                if (channels == 4) {
                    samples[at + 3] = (byte) palette.getAlpha(index);
                }
            }
        }
        return new Image(width, height, format, samples, NO_METADATA);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Image that && width == that.width && height == that.height && format.equals(that.format)
                && Arrays.equals(samples, that.samples) && Arrays.equals(metadata, that.metadata);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * (31 * width + height) + format.hashCode()) + Arrays.hashCode(samples)) + Arrays.hashCode(metadata);
    }

    @Override
    public String toString() {
        return "Image[" + width + "x" + height + " " + format + (hasMetadata() ? ", " + metadata.length + " bytes of metadata" : "") + "]";
    }
}
