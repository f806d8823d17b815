package io.jenkins.plugins.nestedpve.sim.shell.parse;

import java.util.ArrayList;
import java.util.List;

/** Recognises {@code NAME=value} words (the {@code =} must be unquoted and the name valid). */
public final class Assignments {
    private Assignments() {}

    /** The assignment a word spells, or {@code null} when it is not one. */
    public static Node.Assignment split(Word word) {
        if (word.parts().isEmpty() || !(word.parts().get(0) instanceof WordPart.Lit first) || first.quoted()) {
            return null;
        }
        int eq = first.text().indexOf('=');
        if (eq <= 0 || !ParamParser.isName(first.text().substring(0, eq))) {
            return null;
        }
        List<WordPart> value = new ArrayList<>();
        String rest = first.text().substring(eq + 1);
        if (!rest.isEmpty()) {
            value.add(new WordPart.Lit(rest, false));
        }
        value.addAll(word.parts().subList(1, word.parts().size()));
        return new Node.Assignment(first.text().substring(0, eq), new Word(value));
    }
}
