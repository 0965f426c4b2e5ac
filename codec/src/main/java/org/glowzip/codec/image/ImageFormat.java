package org.glowzip.codec.image;

import org.glowzip.codec.MalformedStreamException;

/**
 * The image file formats glowzip reads and writes, bit-exactly: PNG of every colour type, bit
 * depth and interlacing ({@link PngReader}, {@link PngWriter}) and binary PGM/PPM ({@code P5}
 * gray, {@code P6} RGB, maximum value up to 65535; {@link Pnm}).
 *
 * <p>What a file says besides its samples is kept as the image's metadata, whose first byte
 * names the format that wrote it: {@code 'P'} {@link PngMetadata}, {@code 'N'} {@link Pnm}.
 * Plain files (8- or 16-bit PNG of the natural colour type without extra chunks, PNM of maximum
 * value 255 or 65535) have none.
 */
public enum ImageFormat {
    PNG("png"),
    PNM("pnm");

    private final String extension;

    ImageFormat(String extension) {
        this.extension = extension;
    }

    /** The usual file name extension ({@code pgm} or {@code ppm} for gray or RGB PNM). */
    public String extension(Image image) {
        return this == PNM ? (image.channels() == 1 ? "pgm" : "ppm") : extension;
    }

    /** The format of a file starting with {@code bytes}, or {@code null} if neither. */
    public static ImageFormat detect(byte[] bytes) {
        if (bytes.length >= 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return PNG;
        }
        if (bytes.length >= 2 && bytes[0] == 'P' && (bytes[1] == '5' || bytes[1] == '6')) {
            return PNM;
        }
        return null;
    }

    /** Decodes a PNG, PGM or PPM file. */
    public static Image read(byte[] bytes) throws MalformedStreamException {
        ImageFormat format = detect(bytes);
        if (format == null) {
            throw new MalformedStreamException(0, "not a PNG, PGM (P5) or PPM (P6) image");
        }
        return format == PNG ? PngReader.read(bytes) : Pnm.read(bytes);
    }

    /**
     * Encodes {@code image} in this format: as the file it was read from when its metadata is this
     * format's ({@link PngMetadata}, {@link Pnm}), else as the natural file of its sample format.
     *
     * @throws IllegalArgumentException if this format cannot hold the image exactly (alpha or
     *         palette indices in PNM, samples that do not fit the kept bit depth or maximum value)
     */
    public byte[] write(Image image) {
        return this == PNG ? PngWriter.write(image) : Pnm.write(image);
    }

    /** The format {@code image} came from, as its metadata says: PNM for PNM metadata, else PNG. */
    public static ImageFormat of(Image image) {
        byte[] metadata = image.metadata();
        return metadata.length > 0 && (metadata[0] & 0xFF) == Pnm.TAG ? PNM : PNG;
    }
}
