package io.jenkins.plugins.nestedpve.pve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One entry of {@code GET /nodes/{node}/storage}.
 *
 * @param storage storage id
 * @param type plugin type, e.g. {@code lvmthin}, {@code zfspool}, {@code dir}
 * @param content content types, e.g. {@code images}, {@code rootdir}, {@code iso}
 * @param avail available bytes
 * @param total total bytes
 * @param enabled whether enabled
 * @param active whether active on the node
 * @param shared whether shared between nodes
 */
public record StorageInfo(
        String storage,
        String type,
        Set<String> content,
        long avail,
        long total,
        boolean enabled,
        boolean active,
        boolean shared) {
    public StorageInfo {
        content = Set.copyOf(content);
    }

    static StorageInfo from(JsonNode e) {
        Set<String> content = Arrays.stream(
                        Json.optString(e, "content").orElse("").split("[,;\\s]+"))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        return new StorageInfo(
                Json.asString(e, "storage"),
                Json.optString(e, "type").orElse(""),
                content,
                Json.asLong(e, "avail", 0),
                Json.asLong(e, "total", 0),
                Json.asBool(e, "enabled", true),
                Json.asBool(e, "active", false),
                Json.asBool(e, "shared", false));
    }

    /** Whether VM disk images can be placed here. */
    public boolean holdsImages() {
        return content.contains("images");
    }
}
