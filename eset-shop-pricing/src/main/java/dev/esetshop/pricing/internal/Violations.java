package dev.esetshop.pricing.internal;

import dev.esetshop.core.Violation;
import dev.esetshop.core.ViolationCode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The violations of one request, collected so that all are reported at once; no list until the first one. */
public final class Violations {

    private @Nullable List<Violation> list;

    /** Adds a violation with its code's own wording. */
    public void add(ViolationCode code, String field, Object... arguments) {
        add(Violation.of(code, field, arguments));
    }

    /** Adds a violation with a precise wording of {@code INVALID_REQUEST}, such as {@code INVALID_REQUEST.missing}. */
    public void invalid(String key, String field, Object... arguments) {
        add(Violation.withKey(ViolationCode.INVALID_REQUEST, key, field, arguments));
    }

    /** Adds a violation. */
    public void add(Violation violation) {
        if (list == null) {
            list = new ArrayList<>(4);
        }
        list.add(violation);
    }

    /** True when any was added. */
    public boolean any() {
        return list != null;
    }

    /** The violations so far. */
    public List<Violation> list() {
        return list == null ? List.of() : list;
    }
}
