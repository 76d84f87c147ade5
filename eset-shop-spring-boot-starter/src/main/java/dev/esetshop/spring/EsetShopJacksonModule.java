package dev.esetshop.spring;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.esetshop.core.Money;
import dev.esetshop.core.Secret;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.BaseStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.Serializers;

/**
 * Renders the SDK's values as JSON (Jackson 3), so a controller can return a {@code License}, a {@code Quote}, an
 * {@code OrderResult}, a {@code SyncReport} or a {@code ReconcileReport} instead of {@code {}}: each public accessor
 * of the value's public type becomes a property of that name, in alphabetical order; a value of a sealed hierarchy
 * ({@code OrderResult.Confirmed}) also gets {@code "kind": "Confirmed"}; a single-value type ({@code ResellerId},
 * {@code LicenseId}) is its value; {@code Money} is {@code {"amount": "12.30", "currency": "EUR"}} (the amount as a
 * string, exact to the cent); a service that is no value (a shop, a store) is its {@code toString()}. Secrets never
 * leave: a {@code Secret} (license keys, passwords) and any accessor named
 * like a password or token are written as {@value #MASK}. The starter defines it as a bean, which Spring Boot's
 * Jackson auto-configuration registers with its {@code JsonMapper}; without Boot, register it yourself.
 */
public final class EsetShopJacksonModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    /** What a secret is written as. */
    public static final String MASK = "****";

    /** The module. */
    public EsetShopJacksonModule() {
        super("eset-shop");
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addSerializers(new SdkValues());
    }

    /** Finds the serializer of every type of the SDK's packages but enums and exceptions. */
    private static final class SdkValues extends Serializers.Base {

        private static final long serialVersionUID = 1L;

        @Override
        public @Nullable ValueSerializer<?> findSerializer(
                SerializationConfig config,
                JavaType type,
                BeanDescription.Supplier description,
                JsonFormat.Value format) {
            Class<?> raw = type.getRawClass();
            if (Money.class.isAssignableFrom(raw)) {
                return MoneySerializer.INSTANCE;
            }
            if (Secret.class.isAssignableFrom(raw)) {
                return SecretSerializer.INSTANCE;
            }
            if (raw.getName().startsWith("dev.esetshop.")
                    && !raw.isEnum()
                    && !raw.isPrimitive()
                    && !Throwable.class.isAssignableFrom(raw)
                    && publicType(raw).isPresent()) {
                return new ValueTypeSerializer(raw);
            }
            return null;
        }
    }

    private static final class MoneySerializer extends ValueSerializer<Money> {
        static final MoneySerializer INSTANCE = new MoneySerializer();

        @Override
        public void serialize(Money money, JsonGenerator json, SerializationContext context) {
            json.writeStartObject();
            json.writeStringProperty("amount", money.amount().toPlainString());
            json.writeStringProperty("currency", money.currency().getCurrencyCode());
            json.writeEndObject();
        }
    }

    private static final class SecretSerializer extends ValueSerializer<Secret> {
        static final SecretSerializer INSTANCE = new SecretSerializer();

        @Override
        public void serialize(Secret secret, JsonGenerator json, SerializationContext context) {
            json.writeString(MASK);
        }
    }

    /** A value type written through the accessors of its public type. */
    private static final class ValueTypeSerializer extends ValueSerializer<Object> {

        private static final Set<String> NOT_VALUES = Set.of(
                "toString",
                "hashCode",
                "getClass",
                "builder",
                "toBuilder",
                "iterator",
                "spliterator",
                "stream",
                "close",
                "check",
                "notify",
                "notifyAll",
                "wait");
        private static final Map<Class<?>, List<Method>> ACCESSORS = new ConcurrentHashMap<>();

        private final Class<?> type;

        ValueTypeSerializer(Class<?> type) {
            this.type = type;
        }

        @Override
        public void serialize(Object value, JsonGenerator json, SerializationContext context) {
            if (!isValue(value.getClass())) {
                // a service (a shop, a store, a client) is no value: its accessors may call ESET or the database
                json.writeString(value.toString());
                return;
            }
            Class<?> api = publicType(value.getClass()).orElse(type);
            List<Method> accessors = ACCESSORS.computeIfAbsent(api, ValueTypeSerializer::accessors);
            if (accessors.size() == 1 && accessors.get(0).getName().equals("value") && !masked(accessors.get(0))) {
                // a single-value type (ResellerId, LicenseId, ProductCode) is its value
                context.writeValue(json, invoke(accessors.get(0), value));
                return;
            }
            json.writeStartObject();
            sealedParent(api).ifPresent(kind -> json.writeStringProperty("kind", kind));
            for (Method accessor : accessors) {
                json.writeName(accessor.getName());
                if (masked(accessor)) {
                    json.writeString(MASK);
                } else {
                    Object property = invoke(accessor, value);
                    if (property == null) {
                        json.writeNull();
                    } else {
                        context.writeValue(json, property);
                    }
                }
            }
            json.writeEndObject();
        }

        /** A record, an Immutables value, or a final class that holds no resource. */
        private static boolean isValue(Class<?> runtime) {
            return runtime.isRecord()
                    || runtime.getSimpleName().startsWith("Immutable")
                    || (Modifier.isFinal(runtime.getModifiers()) && !AutoCloseable.class.isAssignableFrom(runtime));
        }

        private static java.util.Optional<String> sealedParent(Class<?> api) {
            boolean sealedChild =
                    (api.getSuperclass() != null && api.getSuperclass().isSealed())
                            || Arrays.stream(api.getInterfaces()).anyMatch(Class::isSealed);
            return sealedChild ? java.util.Optional.of(api.getSimpleName()) : java.util.Optional.empty();
        }

        private static List<Method> accessors(Class<?> api) {
            List<Method> accessors = new ArrayList<>();
            for (Method method : api.getMethods()) {
                if (!Modifier.isStatic(method.getModifiers())
                        && method.getParameterCount() == 0
                        && method.getReturnType() != void.class
                        && !NOT_VALUES.contains(method.getName())
                        && method.getDeclaringClass() != Object.class
                        && !method.isBridge()
                        && !BaseStream.class.isAssignableFrom(method.getReturnType())
                        && !Iterator.class.isAssignableFrom(method.getReturnType())
                        && !method.getReturnType().getSimpleName().equals("Builder")) {
                    accessors.add(method);
                }
            }
            accessors.sort(Comparator.comparing(Method::getName));
            return List.copyOf(accessors);
        }

        /** Secrets by type, and by name whatever their type: a password or token never reaches the JSON. */
        private static boolean masked(Method accessor) {
            String name = accessor.getName().toLowerCase(Locale.ROOT);
            return Secret.class.isAssignableFrom(accessor.getReturnType())
                    || name.contains("password")
                    || name.contains("token")
                    || name.contains("secret")
                    || name.contains("licensekey");
        }

        private static Object invoke(Method accessor, Object value) {
            try {
                return accessor.invoke(value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + accessor, e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("reading " + accessor.getName() + " failed: " + e.getCause(), e);
            }
        }
    }

    /**
     * The public type a value is written through: its own class when public all the way out, else the nearest public
     * superclass or interface of the SDK (a generated {@code ImmutableLicense} is written as {@code License}); empty
     * when there is none.
     */
    private static Optional<Class<?>> publicType(Class<?> type) {
        for (Class<?> candidate = type;
                candidate != null && candidate != Object.class;
                candidate = candidate.getSuperclass()) {
            if (publicAllTheWay(candidate) && candidate.getName().startsWith("dev.esetshop.")) {
                return Optional.of(candidate);
            }
            for (Class<?> implemented : candidate.getInterfaces()) {
                if (publicAllTheWay(implemented) && implemented.getName().startsWith("dev.esetshop.")) {
                    return Optional.of(implemented);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean publicAllTheWay(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers())) {
                return false;
            }
        }
        return true;
    }
}
