package org.glowzip.server.http;

import java.util.List;

/**
 * A JSON object written field by field, the one way the server writes JSON: fields in the order
 * they are added, strings escaped (quote, backslash and control characters; the rest as is, to be
 * sent as UTF-8), integers as written, a {@code double} as {@link Double#toString} writes it or
 * {@code null} if it is not finite. {@link #toString} is the object's text, without white space.
 */
public final class JsonObject {
    private final StringBuilder text = new StringBuilder("{");

    public JsonObject field(String name, String value) {
        quoted(name(name), value);
        return this;
    }

    public JsonObject field(String name, long value) {
        name(name).append(value);
        return this;
    }

    public JsonObject field(String name, boolean value) {
        name(name).append(value);
        return this;
    }

    public JsonObject field(String name, double value) {
        name(name).append(Double.isFinite(value) ? Double.toString(value) : "null");
        return this;
    }

    public JsonObject field(String name, JsonObject value) {
        name(name).append(value);
        return this;
    }

    /** An array of objects. */
    public JsonObject field(String name, List<JsonObject> values) {
        StringBuilder out = name(name).append('[');
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ",").append(values.get(i));
        }
        out.append(']');
        return this;
    }

    @Override
    public String toString() {
        return text + "}";
    }

    private StringBuilder name(String name) {
        if (text.length() > 1) {
            text.append(',');
        }
        return quoted(text, name).append(':');
    }

    private static StringBuilder quoted(StringBuilder out, String value) {
        out.append('"');
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
        return out.append('"');
    }
}
