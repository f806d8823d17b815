package io.jenkins.plugins.nestedpve.upgrade;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parsing of the plan's enumerated values, one rule for every entry point. */
final class PlanValues {
    private PlanValues() {}

    static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidUpgradePlanException(field, "missing; use one of " + choices(type));
        }
        String wanted = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(wanted)) {
                return e;
            }
        }
        throw new InvalidUpgradePlanException(field, "'" + text.strip() + "' is not one of " + choices(type));
    }

    static <E extends Enum<E>> String choices(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(", "));
    }
}
