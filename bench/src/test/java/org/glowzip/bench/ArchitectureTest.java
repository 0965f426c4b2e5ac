package org.glowzip.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Which packages of the command line may use which (main sources only): the commands in the root
 * package on top of {@code compare} (the bpd table and the other compressors), {@code io} (files and
 * standard streams) and {@code jmh} (the microbenchmarks).
 */
@AnalyzeClasses(packages = "org.glowzip.bench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule commandsAreTheTop = noClasses().that().resideOutsideOfPackage("org.glowzip.bench")
            .should().dependOnClassesThat().resideInAPackage("org.glowzip.bench")
            .because("the commands parse options and call the packages beneath them; a helper that used a command would"
                    + " tie it to one command line");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.glowzip.bench.(*)..").should().beFreeOfCycles()
            .because("each package must be understandable and testable with only the packages beneath it");
}
