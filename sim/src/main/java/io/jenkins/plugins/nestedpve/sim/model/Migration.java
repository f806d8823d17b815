package io.jenkins.plugins.nestedpve.sim.model;

import io.jenkins.plugins.nestedpve.sim.LatencyProfile.Step;
import io.jenkins.plugins.nestedpve.sim.http.ApiException;
import io.jenkins.plugins.nestedpve.sim.http.Principal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * What VM and container migrations share (pve-facts §11, §12.3): the synchronous target checks in
 * qemu-server's order, the target node's machine, the migration lock, timestamped log lines
 * (AbstractMigrate.pm) and the abort texts.
 */
final class Migration {
    static final DateTimeFormatter TS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    static final String ABORTED = "migration aborted";
    static final String NO_SSH = "Can't connect to destination address using public key";

    private final PveMachine node;

    Migration(PveMachine node) {
        this.node = node;
    }

    /** Checks 1–3 of Qemu.pm migrate_vm: target not local, quorum, target in the nodelist (online or not). */
    void checkTarget(String target) {
        if (target.equals(node.nodeName())) {
            throw ApiException.param("target", "target is local node.");
        }
        node.cluster().checkQuorum();
        boolean member = node.pmxcfs().corosync().flatMap(c -> c.member(target)).isPresent();
        if (!member) {
            throw ApiException.die("no such cluster node '" + target + "'");
        }
    }

    /** {@code force}, {@code migration_type}, {@code migration_network}: root@pam only. */
    static void rootOnly(Principal who, java.util.Map<String, String> params, String... names) {
        for (String n : names) {
            if (params.get(n) != null && !who.isRootPam()) {
                throw ApiException.param(n, "Only root may use this option.");
            }
        }
    }

    /** The target's machine when it is up and reachable over SSH. */
    Optional<PveMachine> reachable(String target) {
        return node.pmxcfs()
                .corosync()
                .flatMap(c -> c.member(target))
                .flatMap(m -> node.cluster().view().machineOf(m));
    }

    /** The target's address as the log shows it. */
    String address(String target) {
        return node.pmxcfs()
                .corosync()
                .flatMap(c -> c.member(target))
                .map(Corosync.Member::ring0Addr)
                .orElse(target);
    }

    /** {@code YYYY-MM-DD HH:MM:SS <line>}. */
    void log(SimTask t, String line) {
        t.log(TS.format(node.env().clock().instant()) + " " + line);
    }

    /** Logs {@code ERROR: migration aborted (duration ...): <cause>} and fails the task with {@code migration aborted}. */
    ApiException abort(SimTask t, java.time.Instant started, String cause) {
        log(t, "ERROR: migration aborted (duration " + duration(started) + "): " + cause);
        return ApiException.die(ABORTED);
    }

    String duration(java.time.Instant started) {
        long s = Math.max(
                0, Duration.between(started, node.env().clock().instant()).toSeconds());
        return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    /** The realistic duration of a migration, as the log reports it. */
    String realisticDuration() {
        long s = node.env().latency().realistic(Step.MIGRATE).toSeconds() + 1;
        return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    /** Whether a storage is shared between nodes: none of the simulated ones ({@code local}, {@code local-lvm}) is. */
    static boolean shared(String storage) {
        return false;
    }

    /** guest_migration_lock's file. */
    static String lockFile(int vmid) {
        return "/var/lock/pve-manager/pve-migrate-" + vmid;
    }
}
