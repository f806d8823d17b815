package io.jenkins.plugins.nestedpve.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registered formats of one PVE version: code formats implemented in Java and named
 * property-string formats described in {@code named-formats.json} (transcribed from the Perl
 * sources cited there, since apidata only names them).
 */
final class Formats {
    private static final Pattern SUFFIX = Pattern.compile("^(.*?)(?:-(list|opt))?$", Pattern.DOTALL);
    private static final String RESOURCE = "named-formats.json";

    private final Map<String, CodeFormat> code = new HashMap<>();
    private final Map<String, HashFormat> hash = new HashMap<>();

    private Formats() {}

    static Formats forVersion(String version, ObjectMapper mapper) {
        Formats f = new Formats();
        Dialect dialect = Dialect.forVersion(version);
        CoreFormats.register(f.code, dialect);
        NetFormats.register(f.code);
        AccessFormats.register(f.code, version);
        GuestFormats.register(f.code);
        f.loadNamedHashFormats(version, mapper);
        return f;
    }

    /** Resolves a format name as check_format does (name plus optional -list / -opt). */
    FormatRef resolve(String name) {
        if ("regex".equals(name)) {
            return new FormatRef(name, FormatRef.Kind.UNCHECKED, null, null);
        }
        Matcher m = SUFFIX.matcher(name);
        m.matches();
        String base = m.group(1);
        FormatRef.Kind kind = m.group(2) == null
                ? FormatRef.Kind.SINGLE
                : "list".equals(m.group(2)) ? FormatRef.Kind.LIST : FormatRef.Kind.OPT;
        CodeFormat c = code.get(base);
        HashFormat h = hash.get(base);
        if (c == null && h == null) {
            return new FormatRef(name, FormatRef.Kind.UNKNOWN, null, null);
        }
        return new FormatRef(name, kind, c, h);
    }

    /** Registers a property-string format found inline in apidata under its PVE name. */
    void registerHash(String name, HashFormat format) {
        hash.putIfAbsent(name, format);
    }

    private void loadNamedHashFormats(String version, ObjectMapper mapper) {
        JsonNode root = readResource(mapper);
        PropCompiler compiler = new PropCompiler(this::resolve);
        String key = Dialect.forVersion(version) == Dialect.PVE8 ? "8.4" : "9.1";
        for (String section : new String[] {"common", key}) {
            Iterator<Map.Entry<String, JsonNode>> it = root.path(section).fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                ObjectNode props = e.getValue().deepCopy();
                expandCpuModels(props, version);
                HashFormat.Validator v =
                        "pve-vm-cpu-conf".equals(e.getKey()) ? CpuModels.vmCpuValidator(version) : null;
                hash.put(e.getKey(), new HashFormat(compiler.compileAll(props), v));
            }
        }
    }

    // "enum": "@cpu-models" stands for the version's CPU model list
    private static void expandCpuModels(ObjectNode props, String version) {
        props.fields().forEachRemaining(e -> {
            if ("@cpu-models".equals(e.getValue().path("enum").asText())) {
                ArrayNode models = ((ObjectNode) e.getValue()).putArray("enum");
                CpuModels.models(version).forEach(models::add);
            }
        });
    }

    private static JsonNode readResource(ObjectMapper mapper) {
        try (InputStream in = Formats.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the schema jar; rebuild it");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
