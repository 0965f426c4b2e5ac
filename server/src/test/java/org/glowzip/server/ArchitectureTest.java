package org.glowzip.server;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Which packages of the server may use which (main sources only). {@link GlowServer} wires the
 * rest together; {@code http} runs the API on {@code pipeline} (the Netty handlers of the stream
 * format), {@code input} (request bodies to images) and {@code metrics}. The other classes of the
 * root package (config, served model, API errors) are the vocabulary they share.
 */
@AnalyzeClasses(packages = "org.glowzip.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final DescribedPredicate<JavaClass> SUBPACKAGES =
            resideInAPackage("org.glowzip.server..").and(resideOutsideOfPackage("org.glowzip.server"));

    @ArchTest
    static final ArchRule serverCodesWithTheCodecAlone = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.nd4j..", "org.bytedeco..", "org.glowzip.model..", "org.glowzip.bench..")
            .because("the server is the runtime: it codes with the codec alone, never with the float Glow, ND4J or native code");

    @ArchTest
    static final ArchRule pipelineKnowsNoApi = classes().that().resideInAPackage("org.glowzip.server.pipeline..")
            .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "io.netty..", "org.glowzip.codec..", "org.glowzip.server.pipeline.."))
            .because("the stream handlers fit any Netty pipeline (raw TCP as well as the HTTP API), so they know nothing of"
                    + " the API, its config or its metrics");

    @ArchTest
    static final ArchRule metricsStandAlone = classes().that().resideInAPackage("org.glowzip.server.metrics..")
            .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "org.glowzip.server.metrics.."))
            .because("metrics are counters that every layer may update and nothing else");

    @ArchTest
    static final ArchRule inputKnowsNoExchange = noClasses().that().resideInAPackage("org.glowzip.server.input..")
            .should().dependOnClassesThat().resideInAnyPackage("org.glowzip.server.http..", "org.glowzip.server.pipeline..")
            .because("turning a request body into images does not depend on how the exchange runs or on the stream handlers");

    @ArchTest
    static final ArchRule vocabularyReachesIntoNoSubpackage = noClasses()
            .that().resideInAPackage("org.glowzip.server").and(DescribedPredicate.not(belongToAnyOf(GlowServer.class)))
            .should().dependOnClassesThat(SUBPACKAGES)
            .because("the config, the served model and the API errors are shared by every subpackage; if they used one,"
                    + " the root package and its subpackages would form a cycle");

    @ArchTest
    static final ArchRule glowServerIsTheTop = noClasses().that(SUBPACKAGES)
            .should().dependOnClassesThat().belongToAnyOf(GlowServer.class)
            .because("GlowServer wires the subpackages together; a subpackage that called back into it would form a cycle");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.glowzip.server.(*)..").should().beFreeOfCycles()
            .because("each package must be understandable and testable with only the packages beneath it");
}
