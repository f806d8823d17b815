package io.jenkins.plugins.nestedpve.stubs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One member signature as the signature file writes it, split into its modifiers (compared as a set, since
 * the file does not use one fixed order) and the rest ({@code <M0> M0 get(java.lang.Class<M0>) throws ...}).
 */
record Signature(List<String> mods, String rest) {
    static final List<String> ORDER =
            List.of("public", "protected", "private", "abstract", "default", "static", "final", "sealed");
    static final Set<String> MODIFIERS = Set.copyOf(ORDER);

    static Signature parse(String line) {
        String text = line.replaceFirst("\\s*\\[declared in [^]]*]$", "");
        String[] words = text.split(" ");
        List<String> mods = new ArrayList<>();
        int i = 0;
        while (i < words.length && MODIFIERS.contains(words[i])) {
            mods.add(words[i++]);
        }
        return new Signature(
                SignatureFile.sorted(mods), String.join(" ", List.of(words).subList(i, words.length)));
    }

    /** In the usual Java order, for messages. */
    @Override
    public String toString() {
        List<String> ordered = ORDER.stream().filter(mods::contains).toList();
        return String.join(" ", ordered) + " " + rest;
    }
}
