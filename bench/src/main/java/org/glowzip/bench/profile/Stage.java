package org.glowzip.bench.profile;

import java.util.List;

/**
 * Where a sampled moment of coding is spent, told from its stack: the copy routines when they
 * are on top, otherwise the first frame of the project's own code (a kernel's vector operations
 * count for the kernel). The network kernels count for the Glow when a frame of the flow lies
 * below them, for the context model otherwise.
 */
public enum Stage {
    CONTEXT_NETWORK("context network (dense kernels)"),
    GLOW_FLOW("Glow flow (conv kernels, coupling, prior)"),
    SLOTS("slots (softmax into rANS slots)"),
    FEATURES("context features"),
    RANS("rANS push and pop"),
    CODER("tiles and lanes (scheduling, checkpoints)"),
    IMAGE_IO("image and format I/O"),
    COPYING("copying arrays"),
    OTHER("JVM and libraries");

    private static final String PROJECT = "org.glowzip.codec.";

    private final String description;

    Stage(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The stage of a stack, given as the declaring class and method of each frame, top first. */
    public static Stage of(List<String> classes, List<String> methods) {
        if (!classes.isEmpty() && isCopy(classes.get(0), methods.get(0))) {
            return COPYING;
        }
        for (int i = 0; i < classes.size(); i++) {
            String name = classes.get(i);
            if (name.startsWith(PROJECT)) {
                return ofProjectClass(name.substring(PROJECT.length()), classes.subList(i, classes.size()));
            }
        }
        return OTHER;
    }

    private static Stage ofProjectClass(String name, List<String> below) {
        if (name.startsWith("nn.") || name.equals("context.Dense")) {
            return below.stream().anyMatch(frame -> frame.startsWith(PROJECT + "flow.")) ? GLOW_FLOW : CONTEXT_NETWORK;
        }
        if (name.startsWith("flow.")) {
            return GLOW_FLOW;
        }
        if (name.startsWith("context.TableSoftmax") || name.startsWith("context.SlotRule") || name.equals("context.ContextModel")) {
            return SLOTS;
        }
        if (name.endsWith("Features") || name.equals("image.Canvas")) {
            return FEATURES;
        }
        if (name.startsWith("ans.")) {
            return RANS;
        }
        if (name.startsWith("image.") || name.startsWith("imageio.") || name.startsWith("input.") || name.startsWith("stream.LanePayload")
                || name.startsWith("stream.SingleImage") || name.startsWith("modelfile.")) {
            return IMAGE_IO;
        }
        return CODER;
    }

    private static boolean isCopy(String type, String method) {
        return type.equals("java.lang.System") && method.equals("arraycopy")
                || type.equals("java.util.Arrays") && method.startsWith("copyOf");
    }
}
