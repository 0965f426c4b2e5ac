package org.glowzip.bench;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A positive count with an optional binary suffix: {@code 5000}, {@code 64K}, {@code 256M}, {@code 4G}, {@code 1T}. */
final class SizeConverter implements ITypeConverter<Long> {
    private static final String SUFFIXES = "KMGT";

    @Override
    public Long convert(String value) {
        String text = value.trim().toUpperCase(Locale.ROOT);
        int shift = 0;
        int suffix = text.isEmpty() ? -1 : SUFFIXES.indexOf(text.charAt(text.length() - 1));
        if (suffix >= 0) {
            shift = 10 * (suffix + 1);
            text = text.substring(0, text.length() - 1);
        }
        try {
            long number = Long.parseLong(text);
            if (number < 1 || number > Long.MAX_VALUE >> shift) {
                throw new TypeConversionException("'" + value + "' is not a positive size below 2^63");
            }
            return number << shift;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a size (a number, optionally followed by K, M, G or T)");
        }
    }
}
