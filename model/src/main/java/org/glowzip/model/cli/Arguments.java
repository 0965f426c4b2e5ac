package org.glowzip.model.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} command-line arguments with defaults; unknown names are an error. */
final class Arguments {
    private final Map<String, String> values = new HashMap<>();

    Arguments(String[] args, Map<String, String> defaults) {
        values.putAll(defaults);
        Set<String> known = defaults.keySet();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !known.contains(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("bad argument " + args[i] + "; known: --" + String.join(" --", known));
            }
            values.put(name, args[++i]);
        }
    }

    String string(String name) {
        return values.get(name);
    }

    int integer(String name) {
        return Integer.parseInt(values.get(name));
    }

    long number(String name) {
        return Long.parseLong(values.get(name));
    }

    double real(String name) {
        return Double.parseDouble(values.get(name));
    }
}
