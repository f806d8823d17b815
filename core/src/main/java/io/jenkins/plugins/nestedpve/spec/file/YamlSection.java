package io.jenkins.plugins.nestedpve.spec.file;

import io.jenkins.plugins.nestedpve.spec.SpecRules;
import io.jenkins.plugins.nestedpve.spec.SpecValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One mapping of a spec file with typed, problem-collecting reads: a value of the wrong type is
 * reported with its path (e.g. {@code host.ssh.port}) and read as absent, so every problem of a file
 * is found in one pass.
 */
final class YamlSection {
    private final String path;
    private final Map<String, Object> values;
    private final Problems problems;

    YamlSection(String path, Map<?, ?> values, Problems problems) {
        this.path = path;
        this.problems = problems;
        this.values = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k instanceof String key) {
                this.values.put(key, v);
            } else {
                problems.add(path(String.valueOf(k)), "a key must be a word, got " + k);
            }
        });
    }

    /** The path of {@code key} in this section, e.g. {@code host.apiUrl}. */
    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    String path() {
        return path;
    }

    Problems problems() {
        return problems;
    }

    boolean has(String key) {
        return values.get(key) != null;
    }

    /** The raw value (null when absent). */
    Object raw(String key) {
        return values.get(key);
    }

    /**
     * Reports every key not in {@code known}: a key in {@code secrets} (a literal secret) with how to
     * pass it instead, any other with the closest known key as a hint.
     *
     * @param secrets literal-secret key → the sentence telling how to pass that secret
     */
    void rejectUnknown(Set<String> known, Map<String, String> secrets) {
        for (String key : values.keySet()) {
            if (known.contains(key)) {
                continue;
            }
            if (secrets.containsKey(key)) {
                problems.add(
                        path(key),
                        "secrets are never read from the spec file (it ends up in version control" + " and logs) — "
                                + secrets.get(key));
                continue;
            }
            String hint = DidYouMean.suggest(key, known)
                    .map(s -> "did you mean '" + s + "'?")
                    .orElse("known keys here: " + String.join(", ", new TreeSet<>(known)));
            problems.add(path(key), "unknown key — " + hint);
        }
    }

    Optional<String> string(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof String s) {
            return Optional.of(s.strip());
        }
        problems.add(path(key), "must be text, got " + describe(v) + " — put the value in quotes");
        return Optional.empty();
    }

    Optional<Integer> integer(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Integer i) {
            return Optional.of(i);
        }
        if (v instanceof String s && s.strip().matches("[0-9]{1,9}")) {
            return Optional.of(Integer.parseInt(s.strip()));
        }
        problems.add(path(key), "must be a whole number, got " + describe(v));
        return Optional.empty();
    }

    Optional<Boolean> bool(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Boolean b) {
            return Optional.of(b);
        }
        problems.add(path(key), "must be true or false, got " + describe(v));
        return Optional.empty();
    }

    Optional<Duration> duration(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Integer i && i == 0) {
            return Optional.of(Duration.ZERO);
        }
        try {
            if (v instanceof String s) {
                return SpecRules.duration(path(key), s);
            }
        } catch (SpecValidationException e) {
            e.problems().forEach(p -> problems.add(p.field(), p.message()));
            return Optional.empty();
        }
        problems.add(path(key), "must be a duration with a unit such as 90s, 15m, 4h or 1h30m, got " + describe(v));
        return Optional.empty();
    }

    Optional<YamlSection> section(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Map<?, ?> m) {
            return Optional.of(new YamlSection(path(key), m, problems));
        }
        problems.add(path(key), "must be a mapping of keys to values (indented lines), got " + describe(v));
        return Optional.empty();
    }

    /** A list of text items; a bad item is reported as {@code key[i]}. */
    Optional<List<String>> strings(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof List<?> list)) {
            problems.add(path(key), "must be a list (lines starting with '- '), got " + describe(v));
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (item instanceof String s) {
                out.add(s.strip());
            } else {
                problems.add(path(key) + "[" + i + "]", "must be text, got " + describe(item));
                out.add(null);
            }
        }
        return Optional.of(out);
    }

    static String describe(Object v) {
        if (v instanceof String s) {
            return "'" + s + "'";
        }
        if (v instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        if (v instanceof Boolean || v instanceof Number) {
            return (v instanceof Boolean ? "the boolean " : "the number ") + v;
        }
        return "a " + v.getClass().getSimpleName();
    }
}
