package io.jenkins.plugins.nestedpve.spec.file;

import io.jenkins.plugins.nestedpve.cluster.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads the secrets a spec file points to: {@code <name>Env: VARIABLE} (an environment variable) or
 * {@code <name>File: /path} (a file; trailing line breaks dropped). Never from the spec file itself
 * and never from command-line arguments. Problems name the field and never show a secret.
 */
final class SecretReader {
    private final Map<String, String> env;
    private final Function<String, Path> resolve;
    private final Consumer<String> warnings;

    SecretReader(Map<String, String> env, Function<String, Path> resolve, Consumer<String> warnings) {
        this.env = env;
        this.resolve = resolve;
        this.warnings = warnings;
    }

    /**
     * Reads {@code <name>Env} or {@code <name>File} of {@code section}.
     *
     * @param what what the secret is, for messages ("the API token secret")
     * @return empty when neither key is set or the secret cannot be read (a problem is reported for the latter)
     */
    Optional<Secret> read(YamlSection section, String name, String what) {
        Optional<String> variable = section.string(name + "Env");
        Optional<String> file = section.string(name + "File");
        if (variable.isPresent() && file.isPresent()) {
            section.problems()
                    .add(section.path(name + "Env"), "set either " + name + "Env or " + name + "File, not both");
            return Optional.empty();
        }
        if (variable.isPresent()) {
            return fromVariable(section.problems(), section.path(name + "Env"), variable.get(), what);
        }
        return file.flatMap(f -> fromFile(section.problems(), section.path(name + "File"), f, what, true));
    }

    /** Reads the whole file at {@code <key>} (e.g. a private key), keeping its text as is. */
    Optional<Secret> readFile(YamlSection section, String key, String what) {
        return section.string(key).flatMap(f -> fromFile(section.problems(), section.path(key), f, what, false));
    }

    private Optional<Secret> fromVariable(Problems problems, String field, String variable, String what) {
        if (!variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            problems.add(
                    field,
                    "'" + variable + "' is not an environment variable name — write the variable's name"
                            + " (e.g. PVE_TOKEN), not its value");
            return Optional.empty();
        }
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            problems.add(
                    field,
                    "the environment variable " + variable + " is not set (it should hold " + what + ") — export "
                            + variable + " before running nestedpve");
            return Optional.empty();
        }
        return Optional.of(Secret.of(value.strip()));
    }

    private Optional<Secret> fromFile(Problems problems, String field, String file, String what, boolean strip) {
        Path path = resolve.apply(file);
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            warnIfOthersCanRead(field, path);
            if (text.isBlank()) {
                problems.add(field, path + " is empty (it should hold " + what + ")");
                return Optional.empty();
            }
            return Optional.of(Secret.of(strip ? text.strip() : text));
        } catch (NoSuchFileException e) {
            problems.add(
                    field, path + " does not exist (it should hold " + what + ") — create it, readable only by you");
        } catch (IOException e) {
            problems.add(
                    field,
                    "cannot read " + path + " (" + e.getClass().getSimpleName()
                            + ") — check that it is a file you can read");
        }
        return Optional.empty();
    }

    private void warnIfOthersCanRead(String field, Path path) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
            if (perms.stream()
                    .anyMatch(p -> List.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ)
                            .contains(p))) {
                warnings.accept(field + ": " + path + " holds a secret but others can read it — chmod 600 " + path);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: nothing to check
        }
    }
}
