package org.glowzip.codec.nn;

/**
 * Whether this JVM can run the Vector API kernels: {@code jdk.incubator.vector} is in the boot
 * layer only when the JVM was started with {@code --add-modules jdk.incubator.vector}. Checked
 * once, before any vector class loads; {@link ConvKernel} and {@link DenseKernel} choose by it.
 */
final class VectorModule {
    static final String NAME = "jdk.incubator.vector";

    static final boolean PRESENT = ModuleLayer.boot().findModule(NAME).isPresent();

    private VectorModule() {
    }
}
