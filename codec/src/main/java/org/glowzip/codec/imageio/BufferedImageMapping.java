package org.glowzip.codec.imageio;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.PngMetadata;
import org.glowzip.codec.image.SampleFormat;

/**
 * The exact mapping between a {@link BufferedImage} and an {@link Image}: a raster's samples,
 * read band by band, become the image's channels unchanged, and the image's metadata records the
 * {@code BufferedImage} type (and palette) so that reading returns the same type, colour model
 * and samples.
 *
 * <pre>
 *   BufferedImage type          Image                                       metadata
 *   TYPE_INT_RGB, INT_BGR,      RGB 8-bit                                   'B', type
 *     3BYTE_BGR
 *   TYPE_INT_ARGB, 4BYTE_ABGR   RGBA 8-bit                                  'B', type
 *   TYPE_INT_ARGB_PRE,          RGBA 8-bit of the premultiplied samples     'B', type
 *     4BYTE_ABGR_PRE              as stored (not un-premultiplied)
 *   TYPE_USHORT_565_RGB         RGB 8-bit of the 5/6/5-bit band values      'B', type
 *   TYPE_USHORT_555_RGB         RGB 8-bit of the 5/5/5-bit band values      'B', type
 *   TYPE_BYTE_GRAY              gray 8-bit                                  'B', type
 *   TYPE_USHORT_GRAY            gray 16-bit                                 'B', type
 *   TYPE_BYTE_BINARY,           gray 8-bit of the palette indices           'B', type, pixel bits (1),
 *     BYTE_INDEXED                                                            palette size n (2), n x RGBA (4)
 *   TYPE_CUSTOM, not indexed    as {@link Image#fromBufferedImage}: gray or RGB, straight alpha,
 *                               bands all of 8 or all of 16 bits; read back as {@link Image#toBufferedImage}
 * </pre>
 *
 * <p>Other images are refused with {@link IllegalArgumentException}: a custom indexed layout,
 * custom premultiplied alpha, other colour spaces, bands of other or unequal sizes.
 *
 * <p>An image without this metadata is returned as the most faithful {@code BufferedImage}: a
 * palette PNG's indices (PNG metadata of colour type 3) with their {@link IndexColorModel}
 * ({@code TYPE_BYTE_BINARY} at 1, 2 or 4 bits, {@code TYPE_BYTE_INDEXED} at 8; as the JDK's PNG
 * reader makes it, the palette padded to {@code 2^depth} entries with opaque black, the
 * {@code tRNS} alphas with 255), anything else
 * as {@link Image#toBufferedImage}. Metadata that does not fit the samples it came with (a
 * foreign writer's) is ignored in the same way, so no sample is ever lost or clipped.
 */
final class BufferedImageMapping {
    /** The first byte of the metadata this mapping writes. */
    static final int TAG = 'B';

    /** The sample format each standard, non-indexed type maps to. */
    private static final Map<Integer, SampleFormat> FORMATS = Map.ofEntries(
            Map.entry(BufferedImage.TYPE_INT_RGB, SampleFormat.RGB),
            Map.entry(BufferedImage.TYPE_INT_BGR, SampleFormat.RGB),
            Map.entry(BufferedImage.TYPE_3BYTE_BGR, SampleFormat.RGB),
            Map.entry(BufferedImage.TYPE_INT_ARGB, SampleFormat.RGBA),
            Map.entry(BufferedImage.TYPE_INT_ARGB_PRE, SampleFormat.RGBA),
            Map.entry(BufferedImage.TYPE_4BYTE_ABGR, SampleFormat.RGBA),
            Map.entry(BufferedImage.TYPE_4BYTE_ABGR_PRE, SampleFormat.RGBA),
            Map.entry(BufferedImage.TYPE_USHORT_565_RGB, SampleFormat.RGB),
            Map.entry(BufferedImage.TYPE_USHORT_555_RGB, SampleFormat.RGB),
            Map.entry(BufferedImage.TYPE_BYTE_GRAY, SampleFormat.GRAY),
            Map.entry(BufferedImage.TYPE_USHORT_GRAY, new SampleFormat(1, 16)));

    private static final int PNG_PALETTE = 3;

    private BufferedImageMapping() {
    }

    /**
     * The image of {@code image}'s samples, exactly, with the metadata that brings its type back.
     *
     * @throws IllegalArgumentException if the samples have no exact image (see the class comment)
     */
    static Image toImage(BufferedImage image) {
        int type = image.getType();
        SampleFormat format = FORMATS.get(type);
        if (format != null) {
            return samples(image.getRaster(), format).withMetadata(new byte[] {TAG, (byte) type});
        }
        if (type == BufferedImage.TYPE_BYTE_BINARY || type == BufferedImage.TYPE_BYTE_INDEXED) {
            return samples(image.getRaster(), SampleFormat.GRAY).withMetadata(paletteMetadata(type, (IndexColorModel) image.getColorModel()));
        }
        if (image.getColorModel() instanceof IndexColorModel) {
            throw new IllegalArgumentException("an indexed BufferedImage of a custom layout; "
                    + "give TYPE_BYTE_INDEXED or TYPE_BYTE_BINARY, or convert it to RGB yourself");
        }
        return Image.fromBufferedImage(image);
    }

    /** The most faithful {@code BufferedImage} of {@code image} (see the class comment). */
    static BufferedImage toBufferedImage(Image image) {
        byte[] metadata = image.metadata();
        BufferedImage exact = null;
        if (metadata.length >= 2 && metadata[0] == TAG) {
            exact = ofType(image, metadata);
        } else if (metadata.length >= 4 && metadata[0] == PngMetadata.TAG && metadata[1] == PNG_PALETTE
                && List.of(1, 2, 4, 8).contains((int) metadata[2])) {
            exact = ofPngPalette(image, metadata[2]);
        }
        return exact != null ? exact : image.toBufferedImage();
    }

    private static BufferedImage ofType(Image image, byte[] metadata) {
        int type = metadata[1] & 0xFF;
        if (FORMATS.containsKey(type)) {
            return metadata.length == 2 && image.format().equals(FORMATS.get(type))
                    ? filled(new BufferedImage(image.width(), image.height(), type), image) : null;
        }
        if ((type == BufferedImage.TYPE_BYTE_BINARY || type == BufferedImage.TYPE_BYTE_INDEXED) && metadata.length >= 5) {
            int bits = metadata[2] & 0xFF;
            int size = (metadata[3] & 0xFF) << 8 | metadata[4] & 0xFF;
            if (bits < 1 || bits > 8 || size < 1 || size > 1 << bits || metadata.length != 5 + 4 * size
                    || type == BufferedImage.TYPE_BYTE_BINARY && size > 16) {
                return null;
            }
            byte[][] rgba = new byte[4][size];
            for (int i = 0; i < size; i++) {
                for (int c = 0; c < 4; c++) {
                    rgba[c][i] = metadata[5 + 4 * i + c];
                }
            }
            return indexed(image, type, new IndexColorModel(bits, size, rgba[0], rgba[1], rgba[2], rgba[3]));
        }
        return null;
    }

    /** A palette PNG's indices with its {@code PLTE} and {@code tRNS}, or {@code null} if they do not fit together. */
    private static BufferedImage ofPngPalette(Image image, int depth) {
        byte[] palette = null;
        byte[] alphas = null;
        List<PngMetadata.Chunk> chunks;
        try {
            chunks = PngMetadata.of(image).chunks();
        } catch (IllegalArgumentException e) {
            return null;
        }
        for (PngMetadata.Chunk chunk : chunks) {
            if (chunk.type().equals("PLTE")) {
                palette = chunk.data();
            } else if (chunk.type().equals("tRNS")) {
                alphas = chunk.data();
            }
        }
        if (palette == null || palette.length % 3 != 0 || palette.length == 0 || palette.length / 3 > 1 << depth
                || alphas != null && alphas.length > palette.length / 3) {
            return null;
        }
        int entries = palette.length / 3;
        int size = 1 << depth;
        byte[][] rgba = new byte[4][size];
        for (int i = 0; i < size; i++) {
            for (int c = 0; c < 3; c++) {
                rgba[c][i] = i < entries ? palette[3 * i + c] : 0;
            }
            rgba[3][i] = alphas != null && i < alphas.length ? alphas[i] : (byte) 0xFF;
        }
        IndexColorModel model = alphas == null ? new IndexColorModel(depth, size, rgba[0], rgba[1], rgba[2])
                : new IndexColorModel(depth, size, rgba[0], rgba[1], rgba[2], rgba[3]);
        return indexed(image, depth < 8 ? BufferedImage.TYPE_BYTE_BINARY : BufferedImage.TYPE_BYTE_INDEXED, model);
    }

    private static BufferedImage indexed(Image image, int type, IndexColorModel model) {
        return image.format().equals(SampleFormat.GRAY) ? filled(new BufferedImage(image.width(), image.height(), type, model), image) : null;
    }

    /** {@code target} with {@code image}'s values in its bands, or {@code null} if one does not fit its band. */
    private static BufferedImage filled(BufferedImage target, Image image) {
        WritableRaster raster = target.getRaster();
        int width = image.width();
        int[] sizes = raster.getSampleModel().getSampleSize();
        int[] row = new int[width];
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 0; y < image.height(); y++) {
                for (int x = 0; x < width; x++) {
                    row[x] = image.value(y, x, c);
                    if (row[x] >>> sizes[c] != 0) {
                        return null;
                    }
                }
                raster.setSamples(0, y, width, 1, c, row);
            }
        }
        return target;
    }

    /** The samples of {@code raster}, band by band, as channels of {@code format}. */
    private static Image samples(Raster raster, SampleFormat format) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        String problem = Image.shapeProblem(width, height, format);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        int channels = format.channels();
        int planes = format.planes();
        byte[] bytes = new byte[width * height * planes];
        int[] row = new int[width];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                raster.getSamples(0, y, width, 1, c, row);
                for (int x = 0; x < width; x++) {
                    int at = (y * width + x) * planes + c;
                    if (format.bitDepth() == 8) {
                        bytes[at] = (byte) row[x];
                    } else {
                        bytes[at] = (byte) (row[x] >>> 8);
                        bytes[at + channels] = (byte) row[x];
                    }
                }
            }
        }
        return Image.of(width, height, format, bytes);
    }

    /** 'B', the type, the palette's pixel bits, its size (2 bytes) and its entries as RGBA. */
    private static byte[] paletteMetadata(int type, IndexColorModel model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int size = model.getMapSize();
        out.writeBytes(new byte[] {TAG, (byte) type, (byte) model.getPixelSize(), (byte) (size >>> 8), (byte) size});
        for (int i = 0; i < size; i++) {
            out.writeBytes(new byte[] {(byte) model.getRed(i), (byte) model.getGreen(i), (byte) model.getBlue(i), (byte) model.getAlpha(i)});
        }
        return out.toByteArray();
    }
}
