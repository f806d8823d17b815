package io.jenkins.plugins.nestedpve.ssh;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A command line with a safe label: messages, exceptions and {@code toString} show only the label.
 * Secrets belong in {@code stdin} (e.g. {@code chpasswd} reads {@code root:password}), not in the
 * command line, which the remote machine shows in its process list and sshj logs at debug level.
 *
 * @param text the command line, arguments quoted with {@link ShellQuote}
 * @param label what messages call the command, e.g. {@code chpasswd (root password)}
 * @param stdin sent to the command's standard input before it is closed; empty for none
 */
public record SensitiveCommand(String text, String label, String stdin) {
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_./+-]{1,64}");

    public SensitiveCommand {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(stdin, "stdin");
        if (label.isBlank()) {
            throw new IllegalArgumentException("a sensitive command needs a label for messages");
        }
    }

    /** {@code text} shown as {@code label}, with no input. */
    public static SensitiveCommand of(String text, String label) {
        return new SensitiveCommand(text, label, "");
    }

    /** This command with {@code input} on its standard input. */
    public SensitiveCommand withStdin(String input) {
        return new SensitiveCommand(text, label, input);
    }

    /**
     * A plain command labelled by its first word; a first word that could carry a value (an
     * assignment like {@code PASS=x cmd}, quotes, expansions) is shown as {@code command}.
     */
    static SensitiveCommand plain(String text) {
        Objects.requireNonNull(text, "command");
        String[] words = text.strip().split("\\s+", 2);
        String first = words.length == 0 ? "" : words[0];
        return of(text, WORD.matcher(first).matches() ? first : "command");
    }

    byte[] stdinBytes() {
        return stdin.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "SensitiveCommand[" + label + "]";
    }
}
