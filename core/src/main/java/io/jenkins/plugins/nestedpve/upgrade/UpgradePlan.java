package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.spec.DurationText;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What an upgrade trial does: validated once, immutable. Build it with {@link #builder()}; every
 * bad value is an {@link InvalidUpgradePlanException} naming its field.
 *
 * @param target a PVE major such as {@code 9} (a major upgrade when the cluster is older, a minor
 *     one within it otherwise), or {@code latest}: the newest release of the cluster's own major
 * @param strategy rolling (one node at a time) or parallel
 * @param checker what the upgrade checker decides
 * @param repository the PVE package repository (and component) the nodes use
 * @param mirror the PVE repository's URI instead of {@link Repository#defaultUri()}, or null
 * @param beforeNode a shell command run as root on each node before it is upgraded, or null
 * @param afterNode a shell command run as root on each node after its upgrade was verified, or null
 * @param workload start one small VM and one container per node first and watch them throughout
 * @param maxGuestDowntime the longest a workload guest may be unreachable, or null for no limit
 * @param timeouts how long each kind of step may take
 */
public record UpgradePlan(
        String target,
        Strategy strategy,
        CheckerMode checker,
        Repository repository,
        URI mirror,
        String beforeNode,
        String afterNode,
        boolean workload,
        Duration maxGuestDowntime,
        UpgradeTimeouts timeouts)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** {@code target} meaning "the newest release of the cluster's current major". */
    public static final String LATEST = "latest";

    /** @throws InvalidUpgradePlanException naming the field at fault */
    public UpgradePlan {
        target = validTarget(target);
        if (strategy == null) {
            throw new InvalidUpgradePlanException(
                    "strategy", "missing; use one of " + PlanValues.choices(Strategy.class));
        }
        if (checker == null) {
            throw new InvalidUpgradePlanException(
                    "checker", "missing; use one of " + PlanValues.choices(CheckerMode.class));
        }
        if (repository == null) {
            throw new InvalidUpgradePlanException(
                    "repository", "missing; use one of " + PlanValues.choices(Repository.class));
        }
        validMirror(mirror);
        beforeNode = command("beforeNode", beforeNode);
        afterNode = command("afterNode", afterNode);
        if (maxGuestDowntime != null && (maxGuestDowntime.isNegative() || maxGuestDowntime.isZero())) {
            throw new InvalidUpgradePlanException(
                    "maxGuestDowntime", "must be positive, e.g. 30s; got " + maxGuestDowntime);
        }
        if (maxGuestDowntime != null && !workload) {
            throw new InvalidUpgradePlanException(
                    "maxGuestDowntime", "applies to the workload guests; set workload: true as well");
        }
        Objects.requireNonNull(timeouts, "timeouts");
    }

    /** A builder with the defaults: target {@code 9}, rolling, gate, no-subscription, no workload. */
    public static Builder builder() {
        return new Builder();
    }

    /** The major asked for, empty for {@link #LATEST}. */
    public OptionalInt targetMajor() {
        return target.equals(LATEST) ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(target));
    }

    public Optional<URI> mirrorUri() {
        return Optional.ofNullable(mirror);
    }

    public Optional<String> beforeNodeCommand() {
        return Optional.ofNullable(beforeNode);
    }

    public Optional<String> afterNodeCommand() {
        return Optional.ofNullable(afterNode);
    }

    public Optional<Duration> maxGuestDowntimeLimit() {
        return Optional.ofNullable(maxGuestDowntime);
    }

    /** The PVE repository URI the nodes use: the mirror when set, else the repository's own. */
    public String repositoryUri() {
        return mirror != null ? mirror.toString().replaceAll("/+$", "") : repository.defaultUri();
    }

    private static String validTarget(String target) {
        if (target == null || target.isBlank()) {
            throw new InvalidUpgradePlanException("to", "missing; give a PVE major such as 9, or latest");
        }
        String t = target.strip().toLowerCase(Locale.ROOT);
        if (t.equals(LATEST)) {
            return LATEST;
        }
        if (!t.matches("[0-9]{1,2}") || Integer.parseInt(t) < 1) {
            throw new InvalidUpgradePlanException(
                    "to", "'" + target.strip() + "' is neither a PVE major such as 9 nor latest");
        }
        return Integer.toString(Integer.parseInt(t));
    }

    private static void validMirror(URI mirror) {
        if (mirror == null) {
            return;
        }
        String scheme = mirror.getScheme() == null ? "" : mirror.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || mirror.getHost() == null) {
            throw new InvalidUpgradePlanException(
                    "mirror", "'" + mirror + "' is not an http(s) URL such as http://mirror.example/debian/pve");
        }
        if (mirror.getUserInfo() != null || mirror.getQuery() != null || mirror.getFragment() != null) {
            throw new InvalidUpgradePlanException(
                    "mirror", "give the repository's base URL without credentials, query or fragment");
        }
    }

    private static String command(String field, String command) {
        if (command == null || command.isBlank()) {
            return null;
        }
        if (command.indexOf('\0') >= 0) {
            throw new InvalidUpgradePlanException(field, "must not contain a NUL character");
        }
        return command.strip();
    }

    /** Collects a plan; {@link #build()} validates it. A text value left null keeps the default. */
    public static final class Builder {
        private String target = "9";
        private Strategy strategy = Strategy.ROLLING;
        private CheckerMode checker = CheckerMode.GATE;
        private Repository repository = Repository.NO_SUBSCRIPTION;
        private URI mirror;
        private String beforeNode;
        private String afterNode;
        private boolean workload;
        private Duration maxGuestDowntime;
        private UpgradeTimeouts timeouts = UpgradeTimeouts.DEFAULTS;

        private Builder() {}

        /** A major such as {@code 9}, or {@code latest}; null keeps the default. */
        public Builder to(String v) {
            target = v == null ? target : v;
            return this;
        }

        public Builder strategy(Strategy v) {
            strategy = v;
            return this;
        }

        /** {@code rolling} or {@code parallel}; null keeps the default. */
        public Builder strategy(String v) {
            return v == null ? this : strategy(Strategy.parse(v));
        }

        public Builder checker(CheckerMode v) {
            checker = v;
            return this;
        }

        /** {@code gate}, {@code report} or {@code skip}; null keeps the default. */
        public Builder checker(String v) {
            return v == null ? this : checker(CheckerMode.parse(v));
        }

        public Builder repository(Repository v) {
            repository = v;
            return this;
        }

        /** {@code no-subscription}, {@code enterprise} or {@code test}; null keeps the default. */
        public Builder repository(String v) {
            return v == null ? this : repository(Repository.parse(v));
        }

        public Builder mirror(URI v) {
            mirror = v;
            return this;
        }

        /** An http(s) URL, or null/blank for none. */
        public Builder mirror(String v) {
            if (v == null || v.isBlank()) {
                mirror = null;
                return this;
            }
            try {
                mirror = new URI(v.strip());
            } catch (URISyntaxException e) {
                throw new InvalidUpgradePlanException("mirror", "'" + v.strip() + "' is not a URL: " + e.getReason());
            }
            return this;
        }

        public Builder beforeNode(String v) {
            beforeNode = v;
            return this;
        }

        public Builder afterNode(String v) {
            afterNode = v;
            return this;
        }

        public Builder workload(boolean v) {
            workload = v;
            return this;
        }

        public Builder maxGuestDowntime(Duration v) {
            maxGuestDowntime = v;
            return this;
        }

        /** As {@link io.jenkins.plugins.nestedpve.spec.DurationText}, e.g. {@code 30s}; null/blank: no limit. */
        public Builder maxGuestDowntime(String v) {
            if (v == null || v.isBlank()) {
                maxGuestDowntime = null;
                return this;
            }
            try {
                maxGuestDowntime = DurationText.parse(v);
            } catch (IllegalArgumentException e) {
                throw new InvalidUpgradePlanException("maxGuestDowntime", e.getMessage());
            }
            return this;
        }

        public Builder timeouts(UpgradeTimeouts v) {
            timeouts = v;
            return this;
        }

        /** @throws InvalidUpgradePlanException naming the field at fault */
        public UpgradePlan build() {
            return new UpgradePlan(
                    target,
                    strategy,
                    checker,
                    repository,
                    mirror,
                    beforeNode,
                    afterNode,
                    workload,
                    maxGuestDowntime,
                    timeouts);
        }
    }
}
