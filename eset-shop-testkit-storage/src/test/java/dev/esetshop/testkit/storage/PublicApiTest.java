package dev.esetshop.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API of this module, read from its compiled classes as the SDK's {@code PublicApiTest} reads the other
 * library modules (this module depends on the SDK, so the SDK's tests cannot see it): one line per public type and per
 * public or protected member of its exported packages, equal to the committed {@code api/public-api.txt}.
 */
class PublicApiTest {

    private static final String UPDATE_PROPERTY = "eset-shop.api.update";
    private static final String REGENERATE = "./mvnw -B -ntp verify -pl eset-shop-testkit-storage -am"
            + " -Djacoco.skip=true -Dtest=PublicApiTest -Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE_PROPERTY
            + "=true";

    @Test
    void noGeneratedTypeAndNoCheckIsPublic() throws IOException, URISyntaxException {
        assertThat(surface())
                .as("public API lines naming a generated Immutable* type or a check()")
                .noneMatch(line -> line.contains(".Immutable") || line.matches(".*\\bcheck\\(.*"));
    }

    @Test
    void publicApiEqualsTheCommittedFile() throws IOException, URISyntaxException {
        List<String> actual = surface();
        Path file = classes().getParent().getParent().resolve("api").resolve("public-api.txt");
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
                    "The public API of dev.esetshop.testkit.storage differs from %s:%n%s%nIf the change is intended,"
                            + " regenerate the file with%n  %s%nand commit it.",
                    file,
                    Stream.concat(
                                    removed.stream().map(line -> "- " + line),
                                    added.stream().map(line -> "+ " + line))
                            .collect(Collectors.joining(System.lineSeparator())),
                    REGENERATE);
        }
    }

    /** The module's main classes: {@code target/classes} of this project. */
    private static Path classes() throws URISyntaxException {
        return Path.of(LicenseStoreContract.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    }

    /** The sorted API lines: every public type of an exported package and its public and protected members. */
    private static List<String> surface() throws IOException, URISyntaxException {
        Set<String> lines = new TreeSet<>();
        for (Class<?> type : exportedTypes()) {
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

    /** The public types of the packages the module descriptor exports to everyone, nested ones when reachable. */
    private static List<Class<?>> exportedTypes() throws IOException, URISyntaxException {
        Path root = classes();
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(root.resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        Set<String> exported = descriptor.exports().stream()
                .filter(export -> !export.isQualified())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String relative = root.relativize(file)
                        .toString()
                        .replace(file.getFileSystem().getSeparator(), "/");
                String binaryName = relative.substring(0, relative.length() - ".class".length())
                        .replace('/', '.');
                int dot = binaryName.lastIndexOf('.');
                if (dot < 0 || !exported.contains(binaryName.substring(0, dot))) {
                    continue;
                }
                Class<?> type = load(binaryName);
                if (reachable(type)) {
                    types.add(type);
                }
            }
        }
        return types;
    }

    private static Class<?> load(String binaryName) {
        try {
            return Class.forName(binaryName, false, PublicApiTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean reachable(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if (t.isAnonymousClass() || t.isLocalClass() || t.isSynthetic()) {
                return false;
            }
            boolean nestedProtected = t.getDeclaringClass() != null && Modifier.isProtected(t.getModifiers());
            if (!Modifier.isPublic(t.getModifiers()) && !nestedProtected) {
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
        if (type.isSealed()) {
            text.append(" permits ")
                    .append(Arrays.stream(type.getPermittedSubclasses())
                            .map(Class::getName)
                            .collect(Collectors.joining(", ")));
        }
        return text.toString();
    }

    /** Public or protected and written by hand (javac's bridges repeat a signature already listed). */
    private static boolean visible(Member member) {
        int modifiers = member.getModifiers();
        boolean synthetic = member.isSynthetic() || member instanceof Method method && method.isBridge();
        return !synthetic && (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers));
    }
}
