package io.jenkins.plugins.nestedpve.spec;

import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Time limits of provisioning and teardown. Each is an absolute budget for its step, measured on
 * the injected clock. Validated by {@link ClusterSpecBuilder#build()} (all positive).
 *
 * @param cloneTask one clone task (a full clone of a large disk takes minutes)
 * @param boot from power-on until the guest agent answers or the address is known
 * @param ssh until SSH accepts connections on a booted guest
 * @param command one remote command (identity steps, checks)
 * @param join one node's join task plus its wait for quorum
 * @param quorum until the cluster reports {@code quorate: 1} with every node online
 * @param teardown destroying all guests of a cluster
 * @param overall the whole provisioning
 */
public record Timeouts(
        Duration cloneTask,
        Duration boot,
        Duration ssh,
        Duration command,
        Duration join,
        Duration quorum,
        Duration teardown,
        Duration overall)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Limits that fit real hardware: clone 15 min, boot 5 min, SSH 3 min, command 3 min, join 5 min, quorum 3 min, teardown 10 min, overall 60 min. */
    public static Timeouts defaults() {
        return new Timeouts(
                Duration.ofMinutes(15),
                Duration.ofMinutes(5),
                Duration.ofMinutes(3),
                Duration.ofMinutes(3),
                Duration.ofMinutes(5),
                Duration.ofMinutes(3),
                Duration.ofMinutes(10),
                Duration.ofMinutes(60));
    }

    /** Every limit by its field name, for validation and display. */
    public Map<String, Duration> byName() {
        Map<String, Duration> m = new LinkedHashMap<>();
        m.put("cloneTask", cloneTask);
        m.put("boot", boot);
        m.put("ssh", ssh);
        m.put("command", command);
        m.put("join", join);
        m.put("quorum", quorum);
        m.put("teardown", teardown);
        m.put("overall", overall);
        return m;
    }

    public Timeouts withCloneTask(Duration d) {
        return new Timeouts(d, boot, ssh, command, join, quorum, teardown, overall);
    }

    public Timeouts withBoot(Duration d) {
        return new Timeouts(cloneTask, d, ssh, command, join, quorum, teardown, overall);
    }

    public Timeouts withSsh(Duration d) {
        return new Timeouts(cloneTask, boot, d, command, join, quorum, teardown, overall);
    }

    public Timeouts withCommand(Duration d) {
        return new Timeouts(cloneTask, boot, ssh, d, join, quorum, teardown, overall);
    }

    public Timeouts withJoin(Duration d) {
        return new Timeouts(cloneTask, boot, ssh, command, d, quorum, teardown, overall);
    }

    public Timeouts withQuorum(Duration d) {
        return new Timeouts(cloneTask, boot, ssh, command, join, d, teardown, overall);
    }

    public Timeouts withTeardown(Duration d) {
        return new Timeouts(cloneTask, boot, ssh, command, join, quorum, d, overall);
    }

    public Timeouts withOverall(Duration d) {
        return new Timeouts(cloneTask, boot, ssh, command, join, quorum, teardown, d);
    }
}
