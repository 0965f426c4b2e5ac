package org.glowzip.server.http;

import org.glowzip.server.ErrorKind;

/** The little JSON the server writes: string escaping and the error body. */
final class Json {
    private Json() {
    }

    /** {@code value} as a JSON string literal, quotes included. */
    static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A finite number, or {@code null} for NaN and infinities. */
    static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "null";
    }

    /** {@code {"error": kind, "message": message}}. */
    static String error(ErrorKind kind, String message) {
        return "{\"error\":" + string(kind.label()) + ",\"message\":" + string(message == null ? "" : message) + "}\n";
    }
}
