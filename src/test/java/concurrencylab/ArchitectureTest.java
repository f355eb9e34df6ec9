package concurrencylab;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keeps the package-by-feature layout honest. The shell is the run machinery ({@code run}), the web glue
 * ({@code system}), the lab's pages ({@code pages}), the experiment API ({@code experiment}), the timeline recorder
 * every experiment draws on ({@code timeline}) and the application class; every other package is a feature (an
 * experiment and the primitives it is built on), today's and every one added later.
 */
@AnalyzeClasses(packages = "concurrencylab", importOptions = {ImportOption.DoNotIncludeTests.class,
        ArchitectureTest.NotGeneratedBySpringAot.class})
class ArchitectureTest {

    /** The bean definitions Spring AOT writes into target/classes at package time are Spring's code, not ours. */
    static final class NotGeneratedBySpringAot implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("__") && !location.contains("$$SpringCGLIB$$");
        }
    }

    private static final DescribedPredicate<JavaClass> IN_A_FEATURE_PACKAGE = DescribedPredicate.describe(
            "reside in a feature package", c -> c.getPackageName().startsWith("concurrencylab.")
                    && !resideInAnyPackage("concurrencylab.run..", "concurrencylab.system..", "concurrencylab.pages..",
                    "concurrencylab.experiment..", "concurrencylab.timeline..").test(c));

    @ArchTest
    static final ArchRule packagesHaveNoCycles =
            slices().matching("concurrencylab.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule featuresNeverReachTheRunMachineryNorTheWeb =
            noClasses().that(IN_A_FEATURE_PACKAGE).should().dependOnClassesThat().resideInAnyPackage(
                    "concurrencylab.run..", "concurrencylab.system..", "concurrencylab.pages..", "org.springframework.web..",
                    "jakarta.servlet..");

    @ArchTest
    static final ArchRule theExperimentApiKnowsNoFeatureNorTheRunMachinery =
            classes().that().resideInAPackage("concurrencylab.experiment..").should().onlyDependOnClassesThat(
                    resideInAnyPackage("concurrencylab.experiment..", "concurrencylab.timeline..")
                            .or(resideOutsideOfPackage("concurrencylab..")));

    /** Recording happens inside measured phases: the recorder is plain Java and knows nothing of the lab. */
    @ArchTest
    static final ArchRule theTimelineKnowsNothingOfTheLab =
            classes().that().resideInAPackage("concurrencylab.timeline..").should().onlyDependOnClassesThat(
                    resideInAnyPackage("concurrencylab.timeline..", "java..", "javax.imageio.."));

    @ArchTest
    static final ArchRule everyExperimentLivesInAFeaturePackage =
            classes().that().implement("concurrencylab.experiment.Experiment").should(
                    ArchConditions.be(IN_A_FEATURE_PACKAGE));

    @ArchTest
    static final ArchRule theEventLoopHasNoSpringInside =
            noClasses().that().haveFullyQualifiedName("concurrencylab.eventloop.EventLoop")
                    .should().transitivelyDependOnClassesThat().resideInAnyPackage("org.springframework..",
                            "io.micrometer..", "concurrencylab.experiment..", "concurrencylab.sockets..");

    @ArchTest
    static final ArchRule theWorkerProcessCarriesNoSpring =
            noClasses().that().haveFullyQualifiedName("concurrencylab.process.WorkerMain")
                    .should().transitivelyDependOnClassesThat().resideInAnyPackage("org.springframework..",
                            "io.micrometer..", "jakarta..", "tools.jackson..");

    /** Pinning is read in JVMs without Spring too (a worker, a pinned child in PinningTest). */
    @ArchTest
    static final ArchRule cpuAffinityCarriesNoSpring =
            noClasses().that().haveFullyQualifiedName("concurrencylab.experiment.ThreadAffinity")
                    .or().haveFullyQualifiedName("concurrencylab.process.Pinning")
                    .should().transitivelyDependOnClassesThat().resideInAnyPackage("org.springframework..",
                            "io.micrometer..", "jakarta..", "tools.jackson..");

    @ArchTest
    static final ArchRule noSystemOut = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    /** Two names for two things: a top-level class name appears once in the tree, whatever its package. */
    @ArchTest
    static void everyTopLevelClassNameIsUnique(JavaClasses classes) {
        Map<String, List<String>> byName = classes.stream().filter(JavaClass::isTopLevelClass)
                .filter(c -> !c.getSimpleName().equals("package-info"))
                .collect(Collectors.groupingBy(JavaClass::getSimpleName,
                        Collectors.mapping(JavaClass::getName, Collectors.toList())));
        assertThat(byName.values().stream().filter(names -> names.size() > 1).toList()).isEmpty();
    }
}
