package io.jenkins.plugins.nestedpve.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rules of a spec's names (cluster, nodes) and of who asked for it (owner, build, installation). */
final class NamingRules {
    private NamingRules() {}

    /** The cluster name and the node names its prefix gives. */
    static List<SpecProblem> problems(ClusterSpec spec) {
        List<SpecProblem> out = new ArrayList<>();
        clusterName(spec.clusterName()).ifPresent(out::add);
        nodeNamePrefix(spec.nodeNamePrefix(), spec.nodes()).ifPresent(out::add);
        return out;
    }

    static Optional<SpecProblem> clusterName(String name) {
        boolean ok = name != null
                && name.length() <= Names.CLUSTER_NAME_MAX
                && Names.PVE_NODE.matcher(name).matches();
        return ok
                ? Optional.empty()
                : SpecRules.problem(
                        "clusterName",
                        Names.show(name) + " is not a valid PVE cluster name (letters, digits"
                                + " and '-', not starting or ending with '-', at most 15 characters) — e.g."
                                + " 'np-ci-42'");
    }

    static Optional<SpecProblem> nodeNamePrefix(String prefix, int nodes) {
        String p = prefix == null ? "" : prefix;
        String last = p + Math.max(1, nodes);
        return Names.DNS_LABEL.matcher(p + "1").matches() && last.length() <= Names.DNS_LABEL_MAX
                ? Optional.empty()
                : SpecRules.problem(
                        "nodeNamePrefix",
                        Names.show(prefix) + " gives node names like " + Names.show(p + "1")
                                + " that are not DNS labels (lower-case letters, digits and '-', starting with a"
                                + " letter or digit, at most 63 characters with the number) — e.g. 'np-ci-n'");
    }

    /** Owner, build and installation: what the ownership markers carry. */
    static List<SpecProblem> identity(ClusterSpec spec) {
        List<SpecProblem> out = new ArrayList<>();
        text("owner", spec.owner(), "e.g. the Jenkins URL and job, or user@host for the CLI")
                .ifPresent(out::add);
        text("buildRef", spec.buildRef(), "e.g. 'folder/job#42'").ifPresent(out::add);
        if (spec.installationId() == null) {
            out.add(new SpecProblem(
                    "installationId",
                    "is required — pass this installation's UUID; it marks the VMs this"
                            + " installation owns so that only they are ever destroyed"));
        }
        return out;
    }

    private static Optional<SpecProblem> text(String field, String value, String example) {
        if (value == null || value.isBlank()) {
            return SpecRules.problem(field, "is required — " + example);
        }
        if (value.length() > SpecRules.MAX_TEXT || value.chars().anyMatch(Character::isISOControl)) {
            return SpecRules.problem(
                    field,
                    "must be one line of at most " + SpecRules.MAX_TEXT + " characters, got " + value.length()
                            + " — shorten it; " + example);
        }
        return Optional.empty();
    }
}
