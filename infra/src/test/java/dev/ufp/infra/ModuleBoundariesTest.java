package dev.ufp.infra;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Module boundaries. Other modules reach ingestion only through its public packages (contract, intake, tenancy,
 * problem); others read mining only through its datasets (trainer-bridge only through
 * {@code dev.ufp.mining.dataset}); the write and read sides know nothing of mining; the event contract depends on
 * no platform code; no package cycles inside a module.
 */
class ModuleBoundariesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ufp");
    }

    @Test
    void otherModulesUseOnlyThePublicPackagesOfIngestion() {
        noClasses().that().resideOutsideOfPackage("dev.ufp.ingestion..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.ufp.ingestion.conversation..", "dev.ufp.ingestion.store..", "dev.ufp.ingestion.api..")
                .check(classes);
    }

    @Test
    void trainerBridgeReadsMiningOnlyThroughItsDatasetPackage() {
        noClasses().that().resideInAPackage("dev.ufp.bridge..")
                .should().dependOnClassesThat(JavaClass.Predicates
                        .resideInAnyPackage("dev.ufp.mining..", "dev.ufp.projections..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("dev.ufp.mining.dataset"))))
                .check(classes);
    }

    @Test
    void theEventContractDependsOnNoPlatformCode() {
        classes().that().resideInAPackage("dev.ufp.ingestion.contract..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.ufp.ingestion.contract..", "java..",
                        "jakarta.validation..", "com.fasterxml.jackson.annotation..", "org.axonframework.serialization..")
                .check(classes);
    }

    @Test
    void ingestionPackagesHaveNoCycles() {
        slices().matching("dev.ufp.ingestion.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theWriteModelKnowsNothingOfTheWeb() {
        noClasses().that().resideInAnyPackage("dev.ufp.ingestion.conversation..", "dev.ufp.ingestion.contract..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void otherModulesReadMiningOnlyThroughItsDatasets() {
        noClasses().that().resideOutsideOfPackage("dev.ufp.mining..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ufp.mining.candidates..",
                        "dev.ufp.mining.pairs..", "dev.ufp.mining.curation..", "dev.ufp.mining.jobs..")
                .check(classes);
    }

    @Test
    void theReadSideKnowsNothingOfMining() {
        noClasses().that().resideInAnyPackage("dev.ufp.ingestion..", "dev.ufp.projections..")
                .should().dependOnClassesThat().resideInAPackage("dev.ufp.mining..")
                .check(classes);
    }

    @Test
    void miningPackagesHaveNoCycles() {
        slices().matching("dev.ufp.mining.(*)..").should().beFreeOfCycles().check(classes);
    }
}
