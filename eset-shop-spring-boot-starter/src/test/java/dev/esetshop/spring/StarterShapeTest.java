package dev.esetshop.spring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;

/**
 * The starter's shape, as the library modules' module-info and {@code PublicApiTest} give theirs (the starter is an
 * automatic module, like Spring Boot's jars): no {@code internal} type in its public surface or a bean's type, and its
 * public API equal to the committed {@code api/public-api.txt}.
 */
class StarterShapeTest {

    private static final String UPDATE_PROPERTY = "eset-shop.api.update";
    private static final String REGENERATE = "./mvnw -B -ntp verify -pl eset-shop-spring-boot-starter -am"
            + " -Djacoco.skip=true -Dtest=StarterShapeTest -Dsurefire.failIfNoSpecifiedTests=false -D"
            + UPDATE_PROPERTY + "=true";

    private static final JavaClasses STARTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.esetshop.spring");

    @Test
    void noInternalTypeInAPublicSignature() {
        codeUnits()
                .that()
                .areDeclaredInClassesThat()
                .resideOutsideOfPackage("..internal..")
                .and()
                .areDeclaredInClassesThat()
                .arePublic()
                .and()
                .arePublic()
                .or()
                .areProtected()
                .should(nameNoInternalType())
                .check(STARTER);
        fields().that()
                .areDeclaredInClassesThat()
                .resideOutsideOfPackage("..internal..")
                .and()
                .areDeclaredInClassesThat()
                .arePublic()
                .and()
                .arePublic()
                .should(haveNoInternalType())
                .check(STARTER);
    }

    @Test
    void noBeanMethodReturnsAnInternalType() {
        methods()
                .that()
                .areAnnotatedWith(Bean.class)
                .should(nameNoInternalType())
                .check(STARTER);
    }

    @Test
    void theRuleCatchesAnInternalReturnType() {
        // the rule must be able to fail: a public method of this test returning an internal type breaks it
        JavaClasses offending = new ClassFileImporter().importClasses(Offending.class);
        try {
            methods().should(nameNoInternalType()).check(offending);
            fail("an internal return type passed the rule");
        } catch (AssertionError expected) {
            assertThat(expected.getMessage()).contains("ShopScheduler");
        }
    }

    /** Not part of the starter: only the rule's own test. */
    static final class Offending {
        public dev.esetshop.spring.internal.ShopScheduler scheduler() {
            throw new UnsupportedOperationException("never called");
        }
    }

    @Test
    void publicApiEqualsTheCommittedFile() throws IOException, URISyntaxException {
        List<String> actual = surface();
        Path classes = Path.of(EsetShopAutoConfiguration.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Path file = classes.getParent().getParent().resolve("api/public-api.txt");
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.createDirectories(file.getParent());
            Files.write(file, actual, StandardCharsets.UTF_8);
            return;
        }
        List<String> committed = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        if (!committed.equals(actual)) {
            Set<String> removed = new TreeSet<>(committed);
            actual.forEach(removed::remove);
            Set<String> added = new TreeSet<>(actual);
            committed.forEach(added::remove);
            fail(
                    "The public API of the starter differs from %s:%n%s%nIf the change is intended, regenerate the file"
                            + " with%n  %s%nand commit it.",
                    file,
                    Stream.concat(
                                    removed.stream().map(line -> "- " + line),
                                    added.stream().map(line -> "+ " + line))
                            .collect(Collectors.joining(System.lineSeparator())),
                    REGENERATE);
        }
    }

    private static ArchCondition<JavaCodeUnit> nameNoInternalType() {
        return new ArchCondition<>("name no internal type in their signature") {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                Stream.concat(Stream.of(unit.getRawReturnType()), unit.getRawParameterTypes().stream())
                        .filter(StarterShapeTest::internal)
                        .forEach(type -> events.add(SimpleConditionEvent.violated(
                                unit, unit.getFullName() + " names the internal type " + type.getName())));
                // the generic forms too: a List<internal> is as internal as the type itself
                Stream.concat(Stream.of(unit.getReturnType()), unit.getParameterTypes().stream())
                        .flatMap(type -> type.getAllInvolvedRawTypes().stream())
                        .filter(StarterShapeTest::internal)
                        .forEach(type -> events.add(SimpleConditionEvent.violated(
                                unit, unit.getFullName() + " names the internal type " + type.getName())));
            }
        };
    }

    private static ArchCondition<JavaField> haveNoInternalType() {
        return new ArchCondition<>("have no internal type") {
            @Override
            public void check(JavaField field, ConditionEvents events) {
                field.getType().getAllInvolvedRawTypes().stream()
                        .filter(StarterShapeTest::internal)
                        .forEach(type -> events.add(SimpleConditionEvent.violated(
                                field, field.getFullName() + " has the internal type " + type.getName())));
            }
        };
    }

    private static boolean internal(JavaClass type) {
        return type.getPackageName().startsWith("dev.esetshop.")
                && type.getPackageName().contains(".internal");
    }

    /** Every public type outside the internal packages, and its public and protected members. */
    private static List<String> surface() {
        Set<String> lines = new TreeSet<>();
        for (JavaClass imported : STARTER) {
            if (internal(imported)
                    || !imported.getModifiers().contains(JavaModifier.PUBLIC)
                    || !isPublicAllTheWay(imported.reflect())) {
                continue;
            }
            Class<?> type = imported.reflect();
            String owner = type.getName();
            lines.add(owner + " :: " + declaration(type));
            for (Field field : type.getDeclaredFields()) {
                if (visible(field)) {
                    lines.add(owner + " :: " + field.toGenericString());
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (visible(constructor)) {
                    lines.add(owner + " :: " + constructor.toGenericString());
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                if (visible(method)) {
                    lines.add(owner + " :: " + method.toGenericString());
                }
            }
        }
        return List.copyOf(lines);
    }

    private static boolean isPublicAllTheWay(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static String declaration(Class<?> type) {
        StringBuilder text = new StringBuilder(type.toGenericString());
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
            text.append(" extends ").append(superclass.getTypeName());
        }
        Type[] interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0) {
            text.append(type.isInterface() ? " extends " : " implements ")
                    .append(Arrays.stream(interfaces).map(Type::getTypeName).collect(Collectors.joining(", ")));
        }
        return text.toString();
    }

    private static boolean visible(Member member) {
        int modifiers = member.getModifiers();
        boolean synthetic = member.isSynthetic() || member instanceof Method method && method.isBridge();
        return !synthetic && (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers));
    }
}
