package org.glowzip.codec.stream;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32C;
import org.glowzip.codec.MalformedStreamException;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.SampleFormat;

/**
 * What a single image ({@link SingleImageFormat}) says of itself, read and checked without
 * decoding it: everything but the payload, and where the payload lies.
 *
 * @param metadata          the image's metadata; empty when it has none
 * @param fingerprintPrefix the first {@value SingleImageFormat#FINGERPRINT_SIZE} bytes of the coding model's fingerprint
 * @param payloadOffset     offset of the payload's first byte
 * @param payloadLength     bytes of the payload
 * @param bytes             bytes of the whole image, checksum included
 */
public record SingleImageHeader(int version, boolean coded, byte[] fingerprintPrefix, CodingParameters parameters, int width, int height,
        SampleFormat format, byte[] metadata, int payloadOffset, int payloadLength, int bytes) {

    /** The bytes before the payload of an image coded (or not) with this model fingerprint and these parameters. */
    static byte[] write(boolean coded, byte[] fingerprint, CodingParameters parameters, Image image) {
        boolean explicit = !parameters.equals(CodingParameters.DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SingleImageFormat.MAGIC);
        out.write(SingleImageFormat.VERSION << 4 | (image.hasMetadata() ? SingleImageFormat.HAS_METADATA : 0)
                | (explicit ? SingleImageFormat.EXPLICIT_PARAMETERS : 0) | (coded ? SingleImageFormat.CODED : 0));
        out.write(fingerprint, 0, SingleImageFormat.FINGERPRINT_SIZE);
        if (explicit) {
            out.writeBytes(StreamHeader.parameterBytes(parameters));
        }
        Varint.write(out, image.width());
        Varint.write(out, image.height());
        Varint.write(out, image.format().code());
        if (image.hasMetadata()) {
            byte[] metadata = image.metadata();
            Varint.write(out, metadata.length);
            out.writeBytes(metadata);
        }
        return out.toByteArray();
    }

    /**
     * Reads and checks a single image's framing: magic, version and flags, checksum, coding
     * parameter ranges, shape, and that the payload's length fits its kind. The payload's content
     * and the model are the decoder's to check.
     *
     * @throws MalformedStreamException with the offset of the first problem
     */
    public static SingleImageHeader read(byte[] bytes) throws MalformedStreamException {
        if (!SingleImageFormat.hasMagic(bytes)) {
            throw new MalformedStreamException(0, "not a single glowzip image (bad magic)");
        }
        if (bytes.length <= SingleImageFormat.FLAGS_OFFSET) {
            throw truncated(bytes.length);
        }
        int flags = bytes[SingleImageFormat.FLAGS_OFFSET] & 0xFF;
        int version = flags >>> 4;
        if (version < 1 || version > SingleImageFormat.VERSION) {
            throw new MalformedStreamException(SingleImageFormat.FLAGS_OFFSET, "unsupported single-image format version "
                    + version + ", this reader reads 1 to " + SingleImageFormat.VERSION);
        }
        int known = SingleImageFormat.CODED | SingleImageFormat.EXPLICIT_PARAMETERS | (version >= 2 ? SingleImageFormat.HAS_METADATA : 0);
        if ((flags & ~known & 0x0F) != 0) {
            throw new MalformedStreamException(SingleImageFormat.FLAGS_OFFSET, "reserved flag bits set in flags byte 0x"
                    + HexFormat.of().toHexDigits((byte) flags));
        }
        if (bytes.length < SingleImageFormat.MIN_BYTES) {
            throw truncated(bytes.length);
        }
        int end = bytes.length - SingleImageFormat.CHECKSUM_SIZE;
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, end);
        if (ByteBuffer.wrap(bytes).getInt(end) != (int) crc.getValue()) {
            throw new MalformedStreamException(end, "image checksum mismatch: damaged or truncated");
        }
        byte[] fingerprintPrefix = Arrays.copyOfRange(bytes, SingleImageFormat.FINGERPRINT_OFFSET,
                SingleImageFormat.FINGERPRINT_OFFSET + SingleImageFormat.FINGERPRINT_SIZE);
        int position = SingleImageFormat.PARAMETERS_OFFSET;
        CodingParameters parameters = CodingParameters.DEFAULT;
        if ((flags & SingleImageFormat.EXPLICIT_PARAMETERS) != 0) {
            if (end - position < StreamHeader.PARAMETERS_SIZE) {
                throw new MalformedStreamException(end, "truncated in the coding parameters");
            }
            parameters = StreamHeader.parameters(bytes, position, position);
            position += StreamHeader.PARAMETERS_SIZE;
        }
        int shapeOffset = position;
        long width = Varint.read(bytes, position, end, "width");
        position += Varint.size(width);
        long height = Varint.read(bytes, position, end, "height");
        position += Varint.size(height);
        int formatOffset = position;
        long code = Varint.read(bytes, position, end, "sample format");
        position += Varint.size(code);
        String formatProblem = version >= 2 ? SampleFormat.codeProblem(code)
                : code == 1 || code == 3 ? null : code + " channels; 1 (gray) or 3 (RGB) are supported";
        if (formatProblem != null) {
            throw new MalformedStreamException(formatOffset, formatProblem);
        }
        SampleFormat format = SampleFormat.ofCode((int) code);
        String problem = Image.shapeProblem(width, height, format);
        if (problem != null) {
            throw new MalformedStreamException(shapeOffset, problem);
        }
        byte[] metadata = new byte[0];
        if ((flags & SingleImageFormat.HAS_METADATA) != 0) {
            int lengthOffset = position;
            long length = Varint.read(bytes, position, end, "metadata length");
            position += Varint.size(length);
            if (length < 1 || length > Math.min(Image.MAX_METADATA, end - position)) {
                throw new MalformedStreamException(lengthOffset, "metadata of " + length + " bytes where 1.."
                        + Math.min(Image.MAX_METADATA, end - position) + " fit");
            }
            metadata = Arrays.copyOfRange(bytes, position, position + (int) length);
            position += (int) length;
        }
        long samples = width * height * format.planes();
        int payloadLength = end - position;
        boolean coded = (flags & SingleImageFormat.CODED) != 0;
        if (coded ? payloadLength >= samples : payloadLength != samples) {
            throw new MalformedStreamException(position, (coded ? "coded" : "raw") + " payload of " + payloadLength
                    + " bytes does not fit an image of " + samples + " samples");
        }
        return new SingleImageHeader(version, coded, fingerprintPrefix, parameters, (int) width, (int) height, format, metadata,
                position, payloadLength, bytes.length);
    }

    /** The shape of the image. */
    public ImageShape shape() {
        return new ImageShape(width, height, format);
    }

    /** Samples of the image, {@code width x height x planes}. */
    public long samples() {
        return shape().samples();
    }

    /** The fingerprint prefix in hexadecimal. */
    public String fingerprintHex() {
        return HexFormat.of().formatHex(fingerprintPrefix);
    }

    /** Bits per sample of the whole image, framing included. */
    public double bitsPerDimension() {
        return 8.0 * bytes / samples();
    }

    private static MalformedStreamException truncated(int length) {
        return new MalformedStreamException(length, "image truncated: " + length + " bytes, the smallest image takes "
                + SingleImageFormat.MIN_BYTES);
    }
}
