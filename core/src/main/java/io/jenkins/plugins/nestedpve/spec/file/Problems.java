package io.jenkins.plugins.nestedpve.spec.file;

import io.jenkins.plugins.nestedpve.spec.SpecProblem;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems of a spec file, each naming the field by its path ({@code addressing.pool[2]}). */
final class Problems {
    private final List<SpecProblem> list = new ArrayList<>();

    void add(String path, String message) {
        list.add(new SpecProblem(path, message));
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    /** Whether a problem was reported for {@code path} or a field inside it. */
    boolean covers(String path) {
        return list.stream()
                .anyMatch(p -> p.field().equals(path)
                        || p.field().startsWith(path + ".")
                        || p.field().startsWith(path + "[")
                        || path.startsWith(p.field() + "."));
    }

    List<SpecProblem> list() {
        return List.copyOf(list);
    }
}
