package io.jenkins.plugins.nestedpve.stubs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Compares one listed type of the signature file with the compiled stub of the same name. */
final class StubComparison {
    private StubComparison() {}

    /** What differs between the listing and the stub; empty when the stub matches. */
    static List<String> mismatches(SignatureFile.TypeEntry listed) {
        Optional<Class<?>> stub = load(listed.name());
        if (stub.isEmpty()) {
            return List.of(listed.name() + ": listed but not stubbed");
        }
        List<String> out = new ArrayList<>();
        compareHeader(listed, SignatureRenderer.header(stub.get()), out);
        List<Signature> actual = SignatureRenderer.members(stub.get());
        for (Signature member : listed.members()) {
            if (!actual.contains(member)) {
                out.add(listed.name() + ": member missing or different: " + member + closest(member, actual));
            }
        }
        return out;
    }

    private static void compareHeader(SignatureFile.TypeEntry listed, SignatureFile.Header actual, List<String> out) {
        SignatureFile.Header want = listed.header();
        check(listed.name(), "kind", want.kind(), actual.kind(), out);
        check(listed.name(), "modifiers", want.mods(), actual.mods(), out);
        check(listed.name(), "type parameters", want.tparams(), actual.tparams(), out);
        check(listed.name(), "superclass", want.superclass(), actual.superclass(), out);
        check(listed.name(), "interfaces", want.interfaces(), actual.interfaces(), out);
        check(listed.name(), "meta-annotations", want.meta(), actual.meta(), out);
    }

    private static void check(String type, String what, Object want, Object actual, List<String> out) {
        if (!Objects.equals(want, actual)) {
            out.add(type + ": " + what + " should be " + want + " but the stub has " + actual);
        }
    }

    /**
     * Points at a stub member of the same name, to make the failure message useful: the overload with the
     * same parameters when there is one, otherwise the first by text (reflection lists overloads in no
     * fixed order, so the choice must not depend on it).
     */
    private static String closest(Signature member, List<Signature> actual) {
        String name = member.rest().replaceAll("\\(.*", "").replaceAll(".* ", "");
        String params = parameters(member);
        return actual.stream()
                .filter(s -> s.rest().replaceAll("\\(.*", "").endsWith(" " + name)
                        || s.rest().startsWith(name + "("))
                .sorted(java.util.Comparator.comparing(
                                (Signature s) -> !parameters(s).equals(params))
                        .thenComparing(Signature::toString))
                .map(s -> " (stub has: " + s + ")")
                .findFirst()
                .orElse("");
    }

    private static String parameters(Signature s) {
        String rest = s.rest();
        int open = rest.indexOf('(');
        int close = rest.indexOf(')', open);
        return open < 0 || close < 0 ? "" : rest.substring(open, close + 1);
    }

    /** Loads without initialising; nested types are written with dots in the file. */
    static Optional<Class<?>> load(String name) {
        String candidate = name;
        while (true) {
            try {
                return Optional.of(Class.forName(candidate, false, StubComparison.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                int dot = candidate.lastIndexOf('.');
                if (dot < 0) {
                    return Optional.empty();
                }
                candidate = candidate.substring(0, dot) + "$" + candidate.substring(dot + 1);
            }
        }
    }
}
