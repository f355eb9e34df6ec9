package concurrencylab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** Keeps the package-by-feature layout honest (shared/STYLE.md). */
@AnalyzeClasses(packages = "concurrencylab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles =
            slices().matching("concurrencylab.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule primitivesKnowNothingOfTheWebOrTheRunMachinery =
            noClasses().that().resideInAnyPackage("concurrencylab.workload..", "concurrencylab.sockets..",
                            "concurrencylab.eventloop")
                    .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "concurrencylab.run..",
                            "concurrencylab.threads..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule experimentsReachRunsOnlyThroughTheirInterface =
            noClasses().that().resideInAPackage("concurrencylab.experiment..")
                    .should().dependOnClassesThat().resideInAnyPackage("concurrencylab.run..", "concurrencylab.threads..");

    @ArchTest
    static final ArchRule theEventLoopHasNoSpringInside =
            noClasses().that().resideInAPackage("concurrencylab.eventloop")
                    .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.micrometer..",
                            "concurrencylab.experiment..", "concurrencylab.eventloop.experiment..");

    @ArchTest
    static final ArchRule theWorkerProcessCarriesNoSpring =
            noClasses().that().haveFullyQualifiedName("concurrencylab.process.WorkerMain")
                    .should().transitivelyDependOnClassesThat().resideInAnyPackage("org.springframework..",
                            "io.micrometer..", "jakarta..", "tools.jackson..");

    @ArchTest
    static final ArchRule noSystemOut = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
}
