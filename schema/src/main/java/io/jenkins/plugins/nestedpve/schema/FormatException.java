package io.jenkins.plugins.nestedpve.schema;

/**
 * A format check failed; {@link #perlText()} is the text of Perl's {@code $@} at that point,
 * trailing newline(s) included, because PVE puts it verbatim into the error message
 * ({@code "invalid format - " . $@}).
 */
final class FormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String perlText;

    FormatException(String perlText) {
        super(perlText, null, false, false); // control flow only: no stack trace needed
        this.perlText = perlText;
    }

    /** A {@code die "text\n"}. */
    static FormatException die(String line) {
        return new FormatException(line + "\n");
    }

    String perlText() {
        return perlText;
    }
}
