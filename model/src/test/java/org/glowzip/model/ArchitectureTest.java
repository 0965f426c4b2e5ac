package org.glowzip.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Which packages of the model module may use which (main sources only). {@code flow} (the float
 * Glow) and {@code data} (the datasets) at the bottom; {@code train} (the Glow trainer and its
 * tools) on them; {@code context} (the context-model trainer) and {@code experiments} on top.
 */
@AnalyzeClasses(packages = "org.glowzip.model", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule modelIsTheLab = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.glowzip.server..", "org.glowzip.bench..", "io.netty..")
            .because("the model module trains and measures models and writes the files the codec reads; serving and the"
                    + " command line are built on it, not the reverse");

    @ArchTest
    static final ArchRule flowIsTheBase = noClasses().that().resideInAPackage("org.glowzip.model.flow..")
            .should().dependOnClassesThat().resideInAnyPackage("org.glowzip.model.data..", "org.glowzip.model.train..")
            .because("the float Glow is the model the trainer, the evaluation and the experiments share; it must stand without them");

    @ArchTest
    static final ArchRule dataIsTheBase = noClasses().that().resideInAPackage("org.glowzip.model.data..")
            .should().dependOnClassesThat().resideInAnyPackage("org.glowzip.model.flow..", "org.glowzip.model.train..")
            .because("datasets are plain inputs that any model and any trainer can read");

    @ArchTest
    static final ArchRule contextTrainerIsATool = noClasses().that().resideOutsideOfPackage("org.glowzip.model.context..")
            .should().dependOnClassesThat().resideInAPackage("org.glowzip.model.context..")
            .because("the context-model trainer is a tool at the top, built on the Glow trainer's optimizer, log and plot;"
                    + " they must not come to depend on it");

    @ArchTest
    static final ArchRule experimentsAreATool = noClasses().that().resideOutsideOfPackage("org.glowzip.model.experiments..")
            .should().dependOnClassesThat().resideInAPackage("org.glowzip.model.experiments..")
            .because("sampling, interpolation and manipulation are a tool at the top; training must not come to depend on them");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.glowzip.model.(*)..").should().beFreeOfCycles()
            .because("each package must be understandable and testable with only the packages beneath it");
}
