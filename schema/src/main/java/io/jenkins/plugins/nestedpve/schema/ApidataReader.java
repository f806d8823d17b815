package io.jenkins.plugins.nestedpve.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads apidata (the tree of {@code {path, text, leaf, children, info:{METHOD:{...}}}} nodes that
 * pve-docs' api-viewer ships) into {@link MethodSpec}s with compiled parameter schemas.
 */
final class ApidataReader {
    /** What a parsed document yields. */
    record Result(List<MethodSpec> methods, List<String> badPatterns) {}

    private final Formats formats;
    private final PropCompiler compiler;

    private ApidataReader(Formats formats) {
        this.formats = formats;
        this.compiler = new PropCompiler(formats::resolve);
    }

    static Result read(JsonNode root, String version, ObjectMapper mapper) {
        ApidataReader reader = new ApidataReader(Formats.forVersion(version, mapper));
        reader.registerInlineNamedFormats(root);
        List<MethodSpec> methods = new ArrayList<>();
        reader.walk(root, methods);
        return new Result(List.copyOf(methods), reader.compiler.badPatterns());
    }

    // qemu-server registers $ide_fmt as 'pve-qm-ide' (used by 'cdrom'); apidata shows it inline on ide[n].
    private void registerInlineNamedFormats(JsonNode root) {
        forEachMethod(root, (path, info) -> {
            JsonNode ide =
                    info.path("parameters").path("properties").path("ide[n]").path("format");
            if (ide.isObject() && path.startsWith("/nodes/{node}/qemu")) {
                formats.registerHash("pve-qm-ide", new HashFormat(compiler.compileAll(ide), null));
            }
        });
    }

    private void walk(JsonNode root, List<MethodSpec> out) {
        forEachMethod(root, (path, info) -> out.add(method(path, info)));
    }

    private interface MethodVisitor {
        void visit(String path, JsonNode info);
    }

    private static void forEachMethod(JsonNode nodes, MethodVisitor visitor) {
        for (JsonNode node : nodes) {
            String path = node.path("path").asText();
            Iterator<Map.Entry<String, JsonNode>> it = node.path("info").fields();
            while (it.hasNext()) {
                visitor.visit(path, it.next().getValue());
            }
            forEachMethod(node.path("children"), visitor);
        }
    }

    private MethodSpec method(String path, JsonNode info) {
        JsonNode parameters = info.path("parameters");
        Map<String, ParamSpec> params = new LinkedHashMap<>();
        parameters.path("properties").fields().forEachRemaining(e -> {
            if (e.getValue().isObject()) {
                params.put(e.getKey(), param(e.getKey(), e.getValue()));
            }
        });
        JsonNode allow = info.get("allowtoken");
        JsonNode additional = parameters.get("additionalProperties");
        return new MethodSpec(
                info.path("method").asText(),
                path,
                info.path("name").asText(),
                allow == null || allow.isNull() || PropCompiler.truthy(allow),
                PropCompiler.truthy(info.get("protected")),
                info.hasNonNull("proxyto") ? info.get("proxyto").asText() : null,
                RawJson.object(info.get("permissions")),
                params,
                // check_object: only a defined, false value forbids unknown parameters
                additional == null || additional.isNull() || additional.isObject() || PropCompiler.truthy(additional));
    }

    private ParamSpec param(String name, JsonNode schema) {
        int count = name.endsWith("[n]")
                ? IndexedParams.count(name, schema.path("description").asText())
                : 1;
        return new ParamSpec(name, RawJson.object(schema), count, compiler.compile(schema));
    }
}
