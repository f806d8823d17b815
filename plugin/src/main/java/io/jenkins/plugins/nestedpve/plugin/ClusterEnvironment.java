package io.jenkins.plugins.nestedpve.plugin;

import hudson.EnvVars;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;

/**
 * The body's {@code NESTED_PVE_*} variables. The public ones are plain data in program.dat; the root password is
 * not: it is read by lease id from the in-memory {@link ClusterSecrets} each time the environment is expanded,
 * and is declared sensitive, so Jenkins warns about it in interpolated strings. After a controller restart the
 * password variable is no longer set (the secrets stay in the memory of the controller that provisioned).
 */
final class ClusterEnvironment extends EnvironmentExpander {
    private static final long serialVersionUID = 1L;

    /** The per-cluster root password of the guests. */
    static final String ROOT_PASSWORD = "NESTED_PVE_ROOT_PASSWORD";

    private final LinkedHashMap<String, String> variables;
    private final String leaseId;
    private transient ClusterSecrets secrets;

    ClusterEnvironment(Map<String, String> variables, String leaseId, ClusterSecrets secrets) {
        this.variables = new LinkedHashMap<>(variables);
        this.leaseId = leaseId;
        this.secrets = secrets;
    }

    @Override
    public void expand(EnvVars env) {
        variables.forEach(env::override);
        if (secrets != null) {
            secrets.reveal(leaseId).ifPresent(password -> env.override(ROOT_PASSWORD, password));
        }
    }

    @Override
    public Set<String> getSensitiveVariables() {
        return Set.of(ROOT_PASSWORD);
    }

    @Override
    public String toString() {
        return "ClusterEnvironment[" + variables.keySet() + " + " + ROOT_PASSWORD + " (masked, in memory only)]";
    }
}
