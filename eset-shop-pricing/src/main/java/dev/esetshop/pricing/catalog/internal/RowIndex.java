package dev.esetshop.pricing.catalog.internal;

import dev.esetshop.pricing.catalog.PriceAction;
import dev.esetshop.pricing.catalog.PriceRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The price rows by (product, action, years), each key holding its bands sorted by seats. A lookup is one hash
 * lookup by product, an array index by action, a scan of the few periods and a binary search of the bands: no
 * allocation, because pricing looks rows up on every quote.
 */
public final class RowIndex {

    private static final PriceAction[] ACTIONS = PriceAction.values();

    private final Map<String, Period[][]> byProduct;

    private RowIndex(Map<String, Period[][]> byProduct) {
        this.byProduct = byProduct;
    }

    /** The index of consistent rows (bands of one key do not overlap). */
    public static RowIndex of(List<PriceRow> rows) {
        Map<String, Map<PriceAction, Map<Integer, List<PriceRow>>>> grouped = new HashMap<>();
        for (PriceRow row : rows) {
            grouped.computeIfAbsent(row.product().value(), p -> new HashMap<>())
                    .computeIfAbsent(row.action(), a -> new HashMap<>())
                    .computeIfAbsent(row.years(), y -> new ArrayList<>())
                    .add(row);
        }
        Map<String, Period[][]> byProduct = new HashMap<>();
        grouped.forEach((product, byAction) -> {
            Period[][] periods = new Period[ACTIONS.length][];
            for (PriceAction action : ACTIONS) {
                Map<Integer, List<PriceRow>> byYears = byAction.getOrDefault(action, Map.of());
                Period[] forAction = new Period[byYears.size()];
                int i = 0;
                for (Map.Entry<Integer, List<PriceRow>> entry : byYears.entrySet()) {
                    forAction[i++] = new Period(entry.getKey(), entry.getValue());
                }
                periods[action.ordinal()] = forAction;
            }
            byProduct.put(product, periods);
        });
        return new RowIndex(byProduct);
    }

    /** The row whose band contains {@code seats}, or null. */
    public @Nullable PriceRow find(String product, PriceAction action, int years, int seats) {
        Period[][] periods = byProduct.get(product);
        if (periods == null) {
            return null;
        }
        for (Period period : periods[action.ordinal()]) {
            if (period.years == years) {
                return period.band(seats);
            }
        }
        return null;
    }

    private static final class Period {
        final int years;
        final int[] minSeats;
        final int[] maxSeats;
        final PriceRow[] rows;

        Period(int years, List<PriceRow> rows) {
            this.years = years;
            this.rows = rows.toArray(new PriceRow[0]);
            java.util.Arrays.sort(this.rows, Comparator.comparingInt(PriceRow::minSeats));
            this.minSeats = new int[this.rows.length];
            this.maxSeats = new int[this.rows.length];
            for (int i = 0; i < this.rows.length; i++) {
                minSeats[i] = this.rows[i].minSeats();
                maxSeats[i] = this.rows[i].maxSeats();
            }
        }

        @Nullable
        PriceRow band(int seats) {
            int low = 0;
            int high = minSeats.length - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                if (minSeats[mid] > seats) {
                    high = mid - 1;
                } else if (maxSeats[mid] < seats) {
                    low = mid + 1;
                } else {
                    return rows[mid];
                }
            }
            return null;
        }
    }
}
