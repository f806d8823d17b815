package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.spec.SpecProblem;
import io.jenkins.plugins.nestedpve.spec.SpecValidationException;
import io.jenkins.plugins.nestedpve.spec.file.SpecFileReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads spec files: the file and its YAML (safe loading only: no tags, no duplicate keys) here, what it holds with
 * the core's {@link SpecFileReader}.
 */
final class SpecFiles {
    private SpecFiles() {}

    /**
     * Reads, checks and validates the spec file {@code fileArg}.
     *
     * @param buildRef what asks, e.g. {@code nestedpve run}, unless the file sets {@code buildRef}
     * @throws SpecFileException when the file cannot be read or has problems
     */
    static LoadedSpec load(CliContext ctx, String fileArg, String buildRef) {
        return load(ctx, fileArg, buildRef, true);
    }

    /**
     * As {@link #load(CliContext, String, String)} for commands that talk to the host only ({@code
     * doctor}, {@code reap}, {@code down}): the guest's secrets are not read, so their variables and
     * files need not exist; {@link LoadedSpec#guestCredentials()} is null.
     */
    static LoadedSpec loadForHost(CliContext ctx, String fileArg, String buildRef) {
        return load(ctx, fileArg, buildRef, false);
    }

    private static LoadedSpec load(CliContext ctx, String fileArg, String buildRef, boolean guestSecrets) {
        Path file = ctx.resolve(fileArg);
        Map<?, ?> root = parse(file, read(file));
        Installation installation = Installation.at(ctx.home());
        SpecFileReader.Defaults defaults = new SpecFileReader.Defaults(defaultOwner(ctx), buildRef, installation.id());
        Path base = file.toAbsolutePath().getParent();
        SpecFileReader reader = new SpecFileReader(
                ctx.env(), p -> p.startsWith("/") || p.startsWith("~") ? ctx.resolve(p) : base.resolve(p), defaults);
        try {
            SpecFileReader.Content c = reader.read(root, guestSecrets);
            return new LoadedSpec(
                    file, c.spec(), c.hostCredentials(), c.guestCredentials(), c.outputDir(), c.warnings());
        } catch (SpecValidationException e) {
            throw new SpecFileException(file, e.problems());
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw problem(
                    file, "file", file + " does not exist — pass the spec file with -f (see examples/cluster.yaml)");
        } catch (IOException e) {
            throw problem(file, "file", "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The top-level mapping of {@code text}. */
    static Map<?, ?> parse(Path file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            String where = mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            throw problem(file, where.isEmpty() ? "file" : where, "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw problem(file, "file", "not valid YAML: " + e.getMessage());
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw problem(
                    file,
                    "file",
                    "must be a YAML mapping with host, template, nodes, ... at the top"
                            + " (see examples/cluster.yaml), got "
                            + (doc == null ? "an empty document" : SpecFileReader.describe(doc)));
        }
        return map;
    }

    /** {@code user@host} of whoever runs the command. */
    static String defaultOwner(CliContext ctx) {
        String user = ctx.env().getOrDefault("USER", System.getProperty("user.name", "unknown"));
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = ctx.env().getOrDefault("HOSTNAME", "localhost");
        }
        return user + "@" + host;
    }

    private static SpecFileException problem(Path file, String field, String message) {
        return new SpecFileException(file, List.of(new SpecProblem(field, message)));
    }
}
