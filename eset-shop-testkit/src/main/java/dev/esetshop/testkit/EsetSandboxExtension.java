package dev.esetshop.testkit;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link WithEsetSandbox}: one sandbox per test class, started on first use, injected
 * as a parameter of type {@link EsetSandbox}, closed after the class. Used with {@code @ExtendWith} alone it starts
 * a sandbox with {@code @WithEsetSandbox}'s defaults.
 */
public final class EsetSandboxExtension implements ParameterResolver, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EsetSandboxExtension.class);
    private static final String KEY = "sandbox";

    /** Creates the extension; JUnit calls it. */
    public EsetSandboxExtension() {}

    /** Resolves parameters of type {@link EsetSandbox}. */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == EsetSandbox.class;
    }

    /** The class's sandbox, started on first use. */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        ExtensionContext classContext = classContext(extensionContext);
        return classContext
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(KEY, key -> start(classContext), EsetSandbox.class);
    }

    /** Closes the class's sandbox. */
    @Override
    public void afterAll(ExtensionContext context) {
        EsetSandbox sandbox = context.getStore(NAMESPACE).remove(KEY, EsetSandbox.class);
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    private static EsetSandbox start(ExtensionContext classContext) {
        Optional<WithEsetSandbox> settings =
                classContext.getElement().map(EsetSandboxExtension::annotation).flatMap(found -> found);
        EsetSandbox.Builder builder = EsetSandbox.builder();
        settings.ifPresentOrElse(
                annotation -> builder.licenses(annotation.licenses())
                        .seed(annotation.seed())
                        .malformedRecords(annotation.malformedRecords())
                        .faults(SandboxFaults.builder()
                                .failureRate(annotation.failureRate())
                                .loseRate(annotation.loseRate())
                                .cutConnectionRate(annotation.cutConnectionRate())
                                .build()),
                () -> builder.licenses(100));
        return builder.start();
    }

    private static Optional<WithEsetSandbox> annotation(AnnotatedElement element) {
        return Optional.ofNullable(element.getAnnotation(WithEsetSandbox.class));
    }
}
