package io.jenkins.plugins.nestedpve.stubs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parsed {@code jenkins-api-signatures.txt}: type lines ({@code name   [kind=... mods=[...] ...]}) each
 * followed by indented member lines ({@code modifiers <type params> return name(params) throws ...}).
 */
final class SignatureFile {
    /** The project's copy of the real signatures (test resource; source and date in its header, see NOTICE). */
    static final String FILE_NAME = "jenkins-api-signatures.txt";

    static final String RESOURCE = "/" + FILE_NAME;

    private static final Pattern TYPE_LINE = Pattern.compile("^(\\S+)\\s+\\[(.*)]$");

    private final Map<String, TypeEntry> types;

    private SignatureFile(Map<String, TypeEntry> types) {
        this.types = types;
    }

    /** One listed type: its name, header fields and member lines (each split into modifiers and the rest). */
    record TypeEntry(String name, Header header, List<Signature> members) {}

    /** kind, modifiers, type parameters, superclass (null for interfaces, enums, annotations), interfaces. */
    record Header(
            String kind,
            List<String> mods,
            String tparams,
            String superclass,
            List<String> interfaces,
            List<String> meta) {}

    /** The project's copy of the real signatures, parsed; fails when the resource is missing. */
    static SignatureFile bundled() throws IOException {
        try (InputStream in = SignatureFile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test resources of jenkins-stubs");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList());
        }
    }

    static SignatureFile parse(List<String> lines) {
        Map<String, TypeEntry> types = new LinkedHashMap<>();
        TypeEntry current = null;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0))) {
                if (current == null) {
                    throw new IllegalArgumentException("member line before any type: " + line);
                }
                current.members().add(Signature.parse(line.strip()));
                continue;
            }
            Matcher m = TYPE_LINE.matcher(line.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("not a type line: " + line);
            }
            current = new TypeEntry(m.group(1), parseHeader(m.group(2)), new ArrayList<>());
            types.put(current.name(), current);
        }
        return new SignatureFile(types);
    }

    Map<String, TypeEntry> types() {
        return types;
    }

    private static Header parseHeader(String text) {
        String kind = field(text, "kind=", " mods=");
        List<String> mods = List.of(bracketed(text, "mods=").split(" "));
        String tparams = field(text, "tparams=", text.contains(" super=") ? " super=" : " interfaces=");
        String superclass = text.contains(" super=") ? field(text, "super=", " interfaces=") : null;
        String interfaces = bracketed(text, "interfaces=");
        List<String> ifaces = interfaces.isEmpty() ? List.of() : List.of(interfaces.split(", "));
        int metaAt = text.indexOf(" meta=");
        List<String> meta = metaAt < 0 ? List.of() : splitMeta(text.substring(metaAt + " meta=".length()));
        return new Header(kind, sorted(mods), tparams, superclass, sorted(ifaces), sorted(meta));
    }

    /** Annotations separated by spaces outside parentheses. */
    private static List<String> splitMeta(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char c : text.toCharArray()) {
            depth += c == '(' || c == '{' ? 1 : c == ')' || c == '}' ? -1 : 0;
            if (c == ' ' && depth == 0) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    private static String field(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from)).strip();
    }

    /** The text between {@code name[} and its matching {@code ]}. */
    private static String bracketed(String text, String name) {
        int from = text.indexOf(name + "[") + name.length() + 1;
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            depth += text.charAt(i) == '[' ? 1 : text.charAt(i) == ']' ? -1 : 0;
            if (depth == 0) {
                return text.substring(from, i);
            }
        }
        throw new IllegalArgumentException("unbalanced " + name + " in " + text);
    }

    static List<String> sorted(List<String> in) {
        return in.stream().filter(s -> !s.isEmpty()).sorted().toList();
    }
}
