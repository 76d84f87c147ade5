package dev.esetshop.testkit;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

/** The testkit's house rules: no terminal output, no Jackson in its public face, internals stay internal. */
class TestkitArchitectureTest {

    private static final JavaClasses TESTKIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.esetshop.testkit");

    @Test
    void printsNothing() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(TESTKIT);
    }

    @Test
    void publicMethodsOfThePublicPackageKeepJacksonOut() {
        methods()
                .that()
                .areDeclaredInClassesThat()
                .resideInAPackage("dev.esetshop.testkit")
                .and()
                .haveModifier(JavaModifier.PUBLIC)
                .should()
                .haveRawReturnType(not(resideInAPackage("tools.jackson..")))
                .check(TESTKIT);
    }

    @Test
    void thePublicPackageUsesNoOtherModulesInternals() {
        noClasses()
                .that()
                .resideInAPackage("dev.esetshop.testkit..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.esetshop.client.internal..", "dev.esetshop.sdk..", "dev.esetshop.pricing..")
                .check(TESTKIT);
    }
}
