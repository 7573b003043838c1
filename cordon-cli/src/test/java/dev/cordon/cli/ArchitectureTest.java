package dev.cordon.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module arrows of docs/ARCHITECTURE.md true: dependencies point one way, from the
 * front ends (cli, server, flink) down to the engines and from the engines down to core.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.cordon");
    }

    @Test
    void core_dependsOnNothingButTheJdkAndSlf4j() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.cordon.core..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "org.slf4j..", "dev.cordon.core..");
        rule.check(classes);
    }

    @Test
    void engines_neverImportFrontEnds() {
        noClasses().that().resideInAnyPackage("dev.cordon.core..", "dev.cordon.bitcoin..", "dev.cordon.ethereum..",
                        "dev.cordon.store..", "dev.cordon.intel..", "dev.cordon.workforce..", "dev.cordon.signing..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.cordon.cli..", "dev.cordon.server..",
                        "dev.cordon.flink..", "dev.cordon.bench..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void bitcoin_dependsOnCoreOnly() {
        onlyCoreAmongCordon("dev.cordon.bitcoin..");
    }

    @Test
    void store_dependsOnCoreOnly() {
        onlyCoreAmongCordon("dev.cordon.store..");
    }

    @Test
    void ethereum_dependsOnCoreOnly() {
        onlyCoreAmongCordon("dev.cordon.ethereum..");
    }

    @Test
    void workforce_dependsOnCoreOnly() {
        onlyCoreAmongCordon("dev.cordon.workforce..");
    }

    @Test
    void signing_dependsOnCoreAndEthereumOnly() {
        noClasses().that().resideInAPackage("dev.cordon.signing..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.cordon.bitcoin..", "dev.cordon.store..",
                        "dev.cordon.intel..", "dev.cordon.workforce..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void intel_doesNotDependOnSiblingEnginesAbove() {
        noClasses().that().resideInAPackage("dev.cordon.intel..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.cordon.workforce..", "dev.cordon.signing..")
                .allowEmptyShould(true)
                .check(classes);
    }

    private static void onlyCoreAmongCordon(String pkg) {
        noClasses().that().resideInAPackage(pkg)
                .should().dependOnClassesThat().resideInAnyPackage(others(pkg))
                .allowEmptyShould(true)
                .check(classes);
    }

    private static String[] others(String pkg) {
        return java.util.stream.Stream.of("dev.cordon.bitcoin..", "dev.cordon.ethereum..", "dev.cordon.store..",
                        "dev.cordon.intel..", "dev.cordon.workforce..", "dev.cordon.signing..")
                .filter(p -> !p.equals(pkg))
                .toArray(String[]::new);
    }
}
