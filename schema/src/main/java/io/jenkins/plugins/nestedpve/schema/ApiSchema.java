package io.jenkins.plugins.nestedpve.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * The official PVE API schema (pve-docs apidata) of one PVE version, with PVE's routing and
 * parameter checking (pve-common:src/PVE/JSONSchema.pm, src/PVE/RESTHandler.pm).
 *
 * <p>Instances are immutable and thread-safe. {@link #load} parses each version once per JVM.
 */
public final class ApiSchema {
    /**
     * The PVE releases whose official schema this module carries, gzipped, as resources
     * {@code /pve-schema/pve-apidata-<version>.json.gz} (source and licence: the project's NOTICE).
     */
    public static final List<String> BUNDLED_VERSIONS = List.of("8.4", "9.1");

    // Parsing 2 MB of JSON takes a while; the parsed schemas are immutable, so one per version suffices.
    private static final Map<String, ApiSchema> CACHE = new ConcurrentHashMap<>();

    private final String version;
    private final Dialect dialect;
    private final List<MethodSpec> methods;
    private final Router router;
    private final List<String> untranslatablePatterns;

    private ApiSchema(String version, ApidataReader.Result result) {
        this.version = version;
        this.dialect = Dialect.forVersion(version);
        this.methods = result.methods();
        this.router = new Router(methods);
        this.untranslatablePatterns = result.badPatterns();
    }

    /**
     * Loads a bundled version ("9.1" or "8.4") from the classpath; empty for a version that is not
     * bundled. A loaded version is cached for the life of the JVM.
     *
     * @throws UncheckedIOException when the resource exists but cannot be read or parsed
     */
    public static Optional<ApiSchema> load(String version) {
        Objects.requireNonNull(version, "version");
        ApiSchema cached = CACHE.get(version);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<ApiSchema> loaded = readResource(version);
        return loaded.map(s -> CACHE.computeIfAbsent(version, v -> s));
    }

    /**
     * As {@link #load}, for a version that must be there.
     *
     * @throws IllegalStateException naming the bundled versions when {@code version} is not one of them,
     *     or when the jar lacks its resource (a broken build)
     */
    public static ApiSchema require(String version) {
        return load(version)
                .orElseThrow(() -> new IllegalStateException("official PVE API schema " + version
                        + " is not bundled (classpath " + resourceName(version) + "); bundled versions: "
                        + String.join(", ", BUNDLED_VERSIONS)));
    }

    /** Parses an apidata JSON document (not cached). */
    public static ApiSchema parse(InputStream apidataJson, String version) {
        Objects.requireNonNull(version, "version");
        ObjectMapper mapper = new ObjectMapper();
        try {
            JsonNode root = mapper.readTree(apidataJson);
            if (root == null || !root.isArray()) {
                throw new IllegalArgumentException("apidata " + version + " must be a JSON array of path nodes");
            }
            return new ApiSchema(version, ApidataReader.read(root, version, mapper));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse PVE apidata " + version, e);
        }
    }

    /** The PVE version this schema describes, e.g. "9.1". */
    public String version() {
        return version;
    }

    /** All methods of all paths. */
    public List<MethodSpec> methods() {
        return methods;
    }

    /**
     * Resolves a method and a concrete path below {@code /api2/json}, e.g.
     * {@code ("POST", "/nodes/pve1/qemu/100/clone")}. A placeholder ({@code {node}}, {@code {upid}})
     * matches one non-empty segment without whitespace (UPIDs with ':' included); segments are
     * expected percent-decoded. Empty when the path or the method does not exist (PVE: 501).
     */
    public Optional<Route> route(String method, String path) {
        return router.route(method, path);
    }

    /**
     * PVE's 400 {@code errors} map (parameter to message) for a request; empty when valid.
     *
     * <p>{@code params} are the merged query and body parameters. With {@code jsonBody=false}
     * values are String, or List of String for a repeated urlencoded key; with {@code jsonBody=true}
     * they are JSON values (Boolean, Number, String, List, Map). A null value is a key without
     * value. The route's path parameters are validated too, as PVE does.
     *
     * <p>Messages are PVE's exact texts, including a trailing newline where PVE has one (format
     * errors: {@code "invalid format - value does not look like a valid DNS name\n"}); several
     * messages for one key are joined with the two characters {@code \n}.
     */
    public Map<String, String> validate(Route route, Map<String, Object> params, boolean jsonBody) {
        Objects.requireNonNull(route, "route");
        return RequestValidator.validate(route, params == null ? Map.of() : params, jsonBody, dialect);
    }

    /** Schema patterns that could not be translated to Java regexes (not checked); empty normally. */
    public List<String> untranslatablePatterns() {
        return untranslatablePatterns;
    }

    private static Optional<ApiSchema> readResource(String version) {
        try (InputStream in = ApiSchema.class.getResourceAsStream(resourceName(version))) {
            if (in == null) {
                return Optional.empty();
            }
            try (InputStream json = new GZIPInputStream(in, 64 * 1024)) {
                return Optional.of(parse(json, version));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resourceName(version), e);
        }
    }

    private static String resourceName(String version) {
        return "/pve-schema/pve-apidata-" + version + ".json.gz";
    }

    @Override
    public String toString() {
        return "ApiSchema[PVE " + version + ", " + methods.size() + " methods]";
    }
}
