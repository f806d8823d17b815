package io.jenkins.plugins.nestedpve.sim.shell.parse;

/**
 * A here-document. The lexer reads its body only after the end of the line holding the {@code <<}
 * operator, so the body is filled in after the token is created.
 */
public final class HereDoc {
    private final String delimiter;
    private final boolean quoted;
    private final boolean stripTabs;
    private Word body = new Word(java.util.List.of());

    HereDoc(String delimiter, boolean quoted, boolean stripTabs) {
        this.delimiter = delimiter;
        this.quoted = quoted;
        this.stripTabs = stripTabs;
    }

    public String delimiter() {
        return delimiter;
    }

    /** Whether the delimiter was quoted: then the body is taken literally, without expansions. */
    public boolean quoted() {
        return quoted;
    }

    public boolean stripTabs() {
        return stripTabs;
    }

    /** The body; its parts are all quoted (here-document text is never split or globbed). */
    public Word body() {
        return body;
    }

    void setBody(Word body) {
        this.body = body;
    }
}
