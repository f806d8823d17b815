package io.jenkins.plugins.nestedpve.schema;

import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/** The official PVE API schema of one PVE version, with routing and PVE's parameter checking. */
public final class ApiSchema {
    /** Environment variable: {@code "1"} makes an absent schema an error. */
    public static final String REQUIRE_ENV = "NESTED_PVE_REQUIRE_SCHEMA";

    private final String version;

    private ApiSchema(String version) {
        this.version = version;
    }

    /**
     * Loads "9.1" or "8.4": classpath {@code /pve-schema/pve-apidata-<v>.json}, else file
     * {@code <system property nestedpve.shared.dir>/pve-apidata-<v>.json}; empty when neither exists.
     */
    public static Optional<ApiSchema> load(String version) {
        return Optional.empty();
    }

    /** As {@link #load}, but when absent throws if {@code REQUIRE_ENV=1}, else prints one notice line. */
    public static Optional<ApiSchema> loadOrNotice(String version) {
        return Optional.empty();
    }

    /** Parses an apidata JSON document. */
    public static ApiSchema parse(InputStream apidataJson, String version) {
        return new ApiSchema(version);
    }

    /** The PVE version this schema describes, e.g. "9.1". */
    public String version() {
        return version;
    }

    /** Resolves method + concrete path below /api2/json; empty when unknown. */
    public Optional<Route> route(String method, String path) {
        return Optional.empty();
    }

    /** PVE's 400 errors map (parameter to text); empty map means valid. */
    public Map<String, String> validate(Route route, Map<String, Object> params, boolean jsonBody) {
        return Map.of();
    }
}
