package io.jenkins.plugins.nestedpve.sim.shell;

import java.util.ArrayList;
import java.util.List;

/** Accumulates the fields of one word during expansion, tracking which characters may glob. */
final class Fields {
    /** A finished field: its text, its pathname pattern and whether the pattern has live metacharacters. */
    record Field(String text, String pattern, boolean glob) {}

    private final String ifs;
    private final List<Field> done = new ArrayList<>();
    private StringBuilder text = new StringBuilder();
    private StringBuilder pattern = new StringBuilder();
    private boolean started;
    private boolean glob;

    Fields(String ifs) {
        this.ifs = ifs;
    }

    /** Quoted text: part of the current field, never split or globbed; an empty quote still makes a field. */
    void quoted(String s) {
        text.append(s);
        pattern.append(Glob.escape(s));
        started = true;
    }

    /** Unquoted literal text from the script: not split, but its pattern characters glob. */
    void literal(String s) {
        if (s.isEmpty()) {
            return;
        }
        text.append(s);
        pattern.append(s);
        glob |= Glob.hasMeta(s);
        started = true;
    }

    /** An unquoted expansion result: split on {@code $IFS}, pattern characters glob. */
    void split(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (ifs.indexOf(c) >= 0) {
                if (!Character.isWhitespace(c) || started) {
                    breakField();
                }
            } else {
                text.append(c);
                pattern.append(c == '\\' ? "\\\\" : String.valueOf(c));
                glob |= c == '*' || c == '?' || c == '[';
                started = true;
            }
        }
    }

    /** Ends the current field (between the words of {@code "$@"}). */
    void breakField() {
        done.add(new Field(text.toString(), pattern.toString(), glob));
        text = new StringBuilder();
        pattern = new StringBuilder();
        started = false;
        glob = false;
    }

    List<Field> finish() {
        if (started) {
            breakField();
        }
        return done;
    }
}
