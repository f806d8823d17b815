package io.jenkins.plugins.nestedpve.sim.shell.parse;

/**
 * A lexical token.
 *
 * @param kind what it is
 * @param text the operator text ({@code ;}, {@code &&}, {@code >>}...) or the word's literal form
 * @param word the parsed word for {@link Kind#WORD}
 * @param fd the file descriptor of a redirection; -1 for the default, -2 for {@code &>}
 * @param hereDoc the here-document of a {@code <<} redirection
 * @param line the 1-based line where the token starts
 */
public record Token(Kind kind, String text, Word word, int fd, HereDoc hereDoc, int line) {
    public enum Kind {
        WORD,
        OP,
        REDIR,
        NEWLINE,
        EOF
    }

    static Token op(String text, int line) {
        return new Token(Kind.OP, text, null, -1, null, line);
    }

    static Token word(Word word, String raw, int line) {
        return new Token(Kind.WORD, raw, word, -1, null, line);
    }

    boolean isOp(String op) {
        return kind == Kind.OP && text.equals(op);
    }

    boolean isReserved(String reserved) {
        return kind == Kind.WORD && word.isPlain(reserved);
    }

    /** How bash names the token in "syntax error near unexpected token" messages. */
    String display() {
        return switch (kind) {
            case NEWLINE -> "newline";
            case EOF -> "end of file";
            default -> text;
        };
    }
}
