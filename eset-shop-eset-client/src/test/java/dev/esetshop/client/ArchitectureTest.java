package dev.esetshop.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The client's public face stays free of its libraries, and the library never prints. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.esetshop.client");

    @Test
    void publicApiDoesNotExposeJacksonOrResilience4j() {
        noMethods()
                .that()
                .arePublic()
                .and()
                .areDeclaredInClassesThat()
                .resideInAPackage("dev.esetshop.client")
                .should()
                .haveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "a Jackson or Resilience4j type",
                        (com.tngtech.archunit.core.domain.JavaClass type) ->
                                type.getPackageName().startsWith("tools.jackson")
                                        || type.getPackageName().startsWith("io.github.resilience4j")))
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("dev.esetshop.client")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("tools.jackson..", "io.github.resilience4j..")
                .check(classes);
    }

    @Test
    void theLibraryNeverPrintsToTheConsole() {
        noClasses()
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .check(classes);
    }
}
