package org.glowzip.codec;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.image.Canvas;

/**
 * Which packages of the codec may use which (main sources only). From the bottom: {@code ans}
 * (rANS and the push/pop codecs) and {@code nn} (the deterministic kernels); {@code modelfile};
 * {@code flow} (the integer Glow) and {@code context} (the context model); {@code tile} (the one
 * place that chooses how a tile is coded); {@code stream}; {@code ImageCodec} on top. Beside them
 * {@code image} and {@code input}. The bad-input exceptions in the root package are the codec's
 * shared vocabulary, usable from every package that reads bytes.
 */
@AnalyzeClasses(packages = "org.glowzip.codec", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final DescribedPredicate<JavaClass> BAD_INPUT =
            type(MalformedStreamException.class).or(type(DecodeLimitException.class));
    private static final DescribedPredicate<JavaClass> JDK = resideInAPackage("java..");

    @ArchTest
    static final ArchRule codecIsPureJava = classes().should().onlyDependOnClassesThat(resideInAnyPackage(
                    "java..", "javax.imageio..", "jdk.incubator.vector..", "org.glowzip.codec..", "org.apache.commons.compress..",
                    "org.apache.commons.io.."))
            .because("codec is the runtime: pure Java (the JDK's ImageIO for the plugin), with no ND4J, native code, Netty or the"
                    + " model, server and bench modules built on it; Commons Compress (the input layer's archives) is its one library");

    @ArchTest
    static final ArchRule badInputIsTheBottom = classes().that(BAD_INPUT).should().onlyDependOnClassesThat(JDK.or(BAD_INPUT))
            .because("every package reads bytes and throws these, so they may use nothing of the codec");

    @ArchTest
    static final ArchRule imageCodecIsTheTop = noClasses().that().resideOutsideOfPackages("org.glowzip.codec", "org.glowzip.codec.imageio")
            .should().dependOnClassesThat().belongToAnyOf(ImageCodec.class)
            .because("ImageCodec is the facade over the packages; a package that called back into it would tie the layers in a knot"
                    + " (the ImageIO plugin is an adapter above it)");

    @ArchTest
    static final ArchRule theImageIoPluginIsAbove = noClasses().that().resideOutsideOfPackage("org.glowzip.codec.imageio")
            .should().dependOnClassesThat().resideInAPackage("org.glowzip.codec.imageio")
            .because("the ImageIO plugin adapts the codec to javax.imageio; the codec works without it");

    @ArchTest
    static final ArchRule ansUsesNothingOfTheCodec = packageUsesOnly("ans", BAD_INPUT,
            "the rANS message and the push/pop codecs are the base every coder builds on; they know nothing of images, models or formats");

    @ArchTest
    static final ArchRule nnUsesNothingOfTheCodec = packageUsesOnly("nn", resideInAPackage("jdk.incubator.vector"),
            "the kernels are plain deterministic arithmetic on arrays, shared by the integer flow and the context model");

    @ArchTest
    static final ArchRule modelFileUsesOnlyBadInput = packageUsesOnly("modelfile", BAD_INPUT,
            "the model file format is read by the coders and written by the trainer; it must not need either of them");

    @ArchTest
    static final ArchRule flowKnowsNoOtherCoder = packageUsesOnly("flow", codec("ans", "nn", "modelfile").or(BAD_INPUT),
            "the integer Glow is one coder among several: the choice between it and the context model, tiles, images and the"
                    + " stream belong to the layers above");

    @ArchTest
    static final ArchRule contextKnowsNoOtherCoder = packageUsesOnly("context",
            codec("ans", "nn", "modelfile").or(type(Canvas.class)).or(BAD_INPUT),
            "the context model is one coder among several: the choice between it and the flow belongs to the tile coder; it reads"
                    + " the samples around a tile from the canvas the tile lies on");

    @ArchTest
    static final ArchRule tileCodesWithTheCoders = packageUsesOnly("tile",
            codec("ans", "flow", "context", "modelfile").or(type(Canvas.class)).or(BAD_INPUT),
            "the tile coder decides how a tile is coded from the coders beneath it; it sees the canvas its tile lies on, nothing"
                    + " else of images, and nothing of the stream format");

    @ArchTest
    static final ArchRule imageStandsAlone = packageUsesOnly("image", BAD_INPUT,
            "images and their file formats are plain data that every layer can hold, so they hold nothing of the coders");

    @ArchTest
    static final ArchRule inputReadsImages = packageUsesOnly("input",
            codec("image").or(BAD_INPUT).or(resideInAnyPackage("org.apache.commons.compress..", "org.apache.commons.io..")),
            "the input layer turns files and archives into images for the CLI, the server and the trainer; it knows nothing of coding");

    @ArchTest
    static final ArchRule streamFramesTiles = packageUsesOnly("stream",
            codec("ans", "tile", "image", "modelfile").or(type(CodingParameters.class)).or(BAD_INPUT),
            "the stream format frames what the tile coder codes: it carries the coding parameters but never runs a flow"
                    + " or a context model itself");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.glowzip.codec.(*)..").should().beFreeOfCycles()
            .because("each package must be understandable and testable with only the packages beneath it");

    private static DescribedPredicate<JavaClass> codec(String... packages) {
        String[] names = new String[packages.length];
        for (int i = 0; i < packages.length; i++) {
            names[i] = "org.glowzip.codec." + packages[i] + "..";
        }
        return resideInAnyPackage(names);
    }

    /** The classes of {@code pkg} use only the JDK, {@code pkg} itself and what {@code allowed} names. */
    private static ArchRule packageUsesOnly(String pkg, DescribedPredicate<? super JavaClass> allowed, String reason) {
        return classes().that().resideInAPackage("org.glowzip.codec." + pkg + "..")
                .should().onlyDependOnClassesThat(JDK.or(codec(pkg)).or(allowed))
                .because(reason);
    }
}
