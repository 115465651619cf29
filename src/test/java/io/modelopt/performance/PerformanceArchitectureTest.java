package io.modelopt.performance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the performance model a plain-Java library that anything can call. */
class PerformanceArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.modelopt.performance");

    @Test
    void modelPackageUsesNoFrameworkDatabaseHttpOrJson() {
        noClasses().that().resideInAPackage("io.modelopt.performance")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..",
                        "java.sql..", "javax.sql..", "jakarta.servlet..", "jakarta.persistence..",
                        "com.fasterxml.jackson..", "tools.jackson..", "java.net.http..")
                .because("the performance model is plain Java: the web, recommendation and"
                        + " calibration code depend on it, never the other way, and it must stay"
                        + " testable and benchmarkable without a Spring context or a database;"
                        + " put HTTP or JSON mapping in io.modelopt.performance.web instead")
                .check(classes);
    }

    @Test
    void modelPackageDependsOnNoOtherApplicationPackage() {
        noClasses().that().resideInAPackage("io.modelopt.performance")
                .should().dependOnClassesThat().resideInAnyPackage("io.modelopt.catalog..",
                        "io.modelopt.web..", "io.modelopt.recommendation..",
                        "io.modelopt.telemetry..", "io.modelopt.db..")
                .because("everything else depends on the performance model, never the other"
                        + " way: pass it a HardwareSpec and a Workload built from catalog rows")
                .check(classes);
    }
}
