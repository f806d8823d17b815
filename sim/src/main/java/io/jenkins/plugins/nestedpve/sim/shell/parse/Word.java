package io.jenkins.plugins.nestedpve.sim.shell.parse;

import java.util.List;

/** A shell word as parsed: a sequence of literal and expandable parts. */
public record Word(List<WordPart> parts) {
    public Word {
        parts = List.copyOf(parts);
    }

    /** Whether the word is exactly the unquoted literal {@code text} (how reserved words are recognised). */
    public boolean isPlain(String text) {
        return parts.size() == 1
                && parts.get(0) instanceof WordPart.Lit lit
                && !lit.quoted()
                && lit.text().equals(text);
    }

    /** The literal text if the word has no expansions, quote removal applied; otherwise {@code null}. */
    public String literal() {
        StringBuilder sb = new StringBuilder();
        for (WordPart part : parts) {
            if (!(part instanceof WordPart.Lit lit)) {
                return null;
            }
            sb.append(lit.text());
        }
        return sb.toString();
    }

    /** Whether any part was quoted (used for here-document delimiters). */
    public boolean anyQuoted() {
        return parts.stream().anyMatch(WordPart::quoted);
    }
}
