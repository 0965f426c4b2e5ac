package org.glowzip.codec.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one vector shape of every Vector API kernel: 256 bits (8 floats) where the machine has
 * them, its preferred shape where that is narrower. One shape for all, because the JIT compiles
 * the Vector API's shared methods for the vector classes it has seen there: once a second shape
 * runs through them (a 512-bit convolution beside a 256-bit dense layer), it stops keeping the
 * vectors in registers and allocates every one, ten times slower. Only loaded when
 * {@code jdk.incubator.vector} is in the boot layer ({@link VectorModule}).
 */
final class KernelSpecies {
    static final VectorSpecies<Float> FLOAT =
            FloatVector.SPECIES_PREFERRED.length() >= 8 ? FloatVector.SPECIES_256 : FloatVector.SPECIES_PREFERRED;

    private KernelSpecies() {
    }
}
