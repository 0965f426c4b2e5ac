package org.glowzip.codec.image;

/**
 * What an image's samples are: 1 to 4 channels (gray, gray + alpha, RGB, RGBA) of 8 or 16 bits.
 *
 * <p>The coder sees an image as 8-bit <em>planes</em>. An 8-bit channel is one plane; a 16-bit
 * channel is two, its high byte and its low byte. Planes are numbered high bytes first: plane
 * {@code c} holds channel {@code c} (its high byte at 16 bits) and, at 16 bits, plane
 * {@code channels + c} holds channel {@code c}'s low byte. So a 16-bit RGBA image has 8 planes,
 * R G B A high bytes then R G B A low bytes.
 *
 * <p>In the byte formats a sample format is one byte, its {@link #code}: the channel count, plus
 * 16 for 16-bit samples. The codes of 8-bit gray (1) and RGB (3) are the channel counts that
 * formats before sample formats wrote in the same place.
 *
 * @param channels 1 gray, 2 gray + alpha, 3 RGB, 4 RGBA
 * @param bitDepth 8 or 16 bits per sample
 */
public record SampleFormat(int channels, int bitDepth) {
    public static final SampleFormat GRAY = new SampleFormat(1, 8);
    public static final SampleFormat GRAY_ALPHA = new SampleFormat(2, 8);
    public static final SampleFormat RGB = new SampleFormat(3, 8);
    public static final SampleFormat RGBA = new SampleFormat(4, 8);
    /** The most planes a sample format has: 16-bit RGBA. */
    public static final int MAX_PLANES = 8;

    private static final int WIDE = 16;

    public SampleFormat {
        if (channels < 1 || channels > 4 || (bitDepth != 8 && bitDepth != 16)) {
            throw new IllegalArgumentException(channels + " channels of " + bitDepth + " bits; 1 to 4 channels of 8 or 16 bits are supported");
        }
    }

    /** The 8-bit format of {@code channels} channels. */
    public static SampleFormat of8Bit(int channels) {
        return new SampleFormat(channels, 8);
    }

    /** 8-bit planes per pixel: the channels, twice over at 16 bits. */
    public int planes() {
        return channels * (bitDepth / 8);
    }

    /** True for gray + alpha and RGBA: the last channel is alpha. */
    public boolean hasAlpha() {
        return channels == 2 || channels == 4;
    }

    /** True for RGB and RGBA. */
    public boolean isColour() {
        return channels >= 3;
    }

    /** The largest sample value, {@code 2^bitDepth - 1}. */
    public int maxValue() {
        return (1 << bitDepth) - 1;
    }

    /** This format's byte in the formats: the channel count, plus 16 at 16 bits. */
    public int code() {
        return channels | (bitDepth == 16 ? WIDE : 0);
    }

    /** Why {@code code} names no sample format, or {@code null}. */
    public static String codeProblem(long code) {
        long channels = code & ~WIDE;
        return channels >= 1 && channels <= 4 && (code & ~(WIDE | 7)) == 0 ? null
                : "sample format " + code + " is none of 1-4 channels of 8 bits (1-4) or 16 bits (17-20)";
    }

    /**
     * The format of {@code code}.
     *
     * @throws IllegalArgumentException if {@link #codeProblem} names a problem
     */
    public static SampleFormat ofCode(int code) {
        String problem = codeProblem(code);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new SampleFormat(code & ~WIDE, (code & WIDE) != 0 ? 16 : 8);
    }

    @Override
    public String toString() {
        String name = switch (channels) {
            case 1 -> "gray";
            case 2 -> "gray+alpha";
            case 3 -> "RGB";
            default -> "RGBA";
        };
        return name + " " + bitDepth + "-bit";
    }
}
