package io.jenkins.plugins.nestedpve.pve.testsupport;

import io.jenkins.plugins.nestedpve.schema.ApiSchema;
import io.jenkins.plugins.nestedpve.schema.Route;
import io.jenkins.plugins.nestedpve.sim.Simulator;
import io.jenkins.plugins.nestedpve.sim.http.LogEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks every request a simulator received against the official PVE API schema: the simulator's
 * own verdict (no 400 schema rejection) and, independently, the schema validator run again on the
 * logged method, path and parameters.
 */
public final class SchemaAudit {
    private SchemaAudit() {}

    /** One line per request that does not validate against the schema of {@code release}. */
    public static List<String> violations(Simulator sim, String release) {
        return violations(sim, e -> release);
    }

    /**
     * One line per request that does not validate; empty when all do.
     *
     * @param releaseOf the PVE release of the machine that answered an entry (host and guests may differ)
     */
    public static List<String> violations(Simulator sim, Function<LogEntry, String> releaseOf) {
        List<String> out = new ArrayList<>();
        List<LogEntry> entries = sim.requestLog().entries();
        for (LogEntry e : sim.requestLog().schemaRejections()) {
            out.add("simulator rejected " + e.method() + " " + e.path() + ": " + e.schemaErrors());
        }
        Map<String, ApiSchema> schemas = new HashMap<>();
        for (LogEntry e : entries) {
            String release = releaseOf.apply(e);
            ApiSchema schema = schemas.computeIfAbsent(release, ApiSchema::require);
            Optional<Route> route = schema.route(e.method(), e.path());
            if (route.isEmpty()) {
                out.add(e.method() + " " + e.path() + " is not in the PVE " + release + " schema");
                continue;
            }
            Map<String, String> errors = schema.validate(route.get(), e.params(), true);
            if (!errors.isEmpty()) {
                out.add(e.method() + " " + e.path() + " " + e.params() + ": " + errors);
            }
        }
        return out;
    }
}
