package io.modelopt;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of the design, each with the reason a failing build should read. */
@AnalyzeClasses(packages = "io.modelopt", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule performanceModelIsPlainJava = noClasses()
            .that().resideInAPackage("io.modelopt.performance")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "java.sql..", "javax.sql..", "jakarta..",
                    "tools.jackson..", "com.fasterxml..", "io.swagger..")
            .because("the performance model must stay a plain, fast, testable library: "
                    + "framework, SQL and HTTP concerns belong to the packages that call it");

    @ArchTest
    static final ArchRule performanceModelDependsOnNoFeature = noClasses()
            .that().resideInAPackage("io.modelopt.performance")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.modelopt.catalog..", "io.modelopt.recommendation..",
                    "io.modelopt.telemetry..", "io.modelopt.web..", "io.modelopt.db..")
            .because("everything depends on the performance model, never the other way");

    @ArchTest
    static final ArchRule databaseWiringKnowsNoFeature = noClasses()
            .that().resideInAPackage("io.modelopt.db..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.modelopt.catalog..", "io.modelopt.performance..",
                    "io.modelopt.recommendation..", "io.modelopt.telemetry..")
            .because("db only opens and migrates the databases; features own their SQL");

    @ArchTest
    static final ArchRule featuresDoNotDependOnRecommendation = noClasses()
            .that().resideInAnyPackage("io.modelopt.catalog..", "io.modelopt.telemetry..",
                    "io.modelopt.performance..")
            .should().dependOnClassesThat().resideInAPackage("io.modelopt.recommendation..")
            .because("recommendation sits on top of catalog, performance and telemetry");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices()
            .matching("io.modelopt.(*)..")
            .should().beFreeOfCycles()
            .because("a cycle between features means one of them is in the wrong place");
}
