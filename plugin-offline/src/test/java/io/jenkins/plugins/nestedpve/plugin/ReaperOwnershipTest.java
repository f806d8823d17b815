package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.cluster.OwnershipMarker;
import io.jenkins.plugins.nestedpve.ledger.Lease;
import io.jenkins.plugins.nestedpve.pve.CloneRequest;
import io.jenkins.plugins.nestedpve.pve.Fingerprint;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.PveCredentials;
import io.jenkins.plugins.nestedpve.sim.model.SimVm;
import io.jenkins.plugins.nestedpve.wait.Deadline;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The periodic sweep's host reaper destroys only guests with this installation's marker whose lease is gone or
 * whose keep-on-failure expiry passed; guests without a marker and guests of other installations survive.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaperOwnershipTest {
    private ClusterFixture lab;
    private PveClient host;

    @BeforeAll
    void start(@TempDir Path home) {
        lab = new ClusterFixture(home);
        host = lab.services
                .engine()
                .context()
                .pveClients()
                .connect(
                        lab.sim.hostAddress(),
                        lab.sim.apiPort(),
                        lab.sim.hostNode(),
                        Fingerprint.parse(lab.sim.fingerprint()),
                        PveCredentials.ApiToken.of(lab.sim.tokenId(), lab.sim.tokenSecret()));
    }

    @AfterAll
    void stop() {
        host.close();
        lab.close();
    }

    @Test
    void onlyThisInstallationsOrphanedAndExpiredGuestsAreDestroyed() throws Exception {
        String ours = lab.services.installationId().toString();
        lab.running.add("job#live");
        Lease live = lab.services.leases().open("live-lease", "np-live", LeaseTags.of("job#live", "lab"));
        Instant created = Instant.now().minus(Duration.ofHours(2));
        clone(80100, "unmarked", null);
        clone(80101, "foreign", marker(80101, UUID.randomUUID().toString(), "their-lease", created, null));
        clone(80102, "orphan", marker(80102, ours, "gone-lease", created, null));
        clone(80103, "in-use", marker(80103, ours, live.id(), created, null));
        clone(
                80104,
                "expired",
                marker(80104, ours, live.id(), created, Instant.now().minus(Duration.ofMinutes(1))));
        clone(80105, "unsigned", unsigned(ours, "old-lease", created));
        clone(80106, "copied", marker(80102, ours, "gone-lease", created, null));
        List<String> log = new ArrayList<>();

        lab.services.releaser().sweep(log::add);

        assertThat(lab.guests()).extracting(SimVm::vmid).containsExactlyInAnyOrder(80100, 80101, 80103, 80105, 80106);
        assertThat(log).anySatisfy(l -> assertThat(l).contains("destroyed VM 80102 (owner gone: lease gone-lease"));
        assertThat(log).anySatisfy(l -> assertThat(l).contains("destroyed VM 80104 (expired at"));
        assertThat(log).anySatisfy(l -> assertThat(l).contains("2 not ours"));
        assertThat(lab.services.leases().find(live.id()).orElseThrow().isLive()).isTrue();
    }

    /** A marker for {@code vmid} signed with this installation's key. */
    private String marker(int vmid, String installation, String lease, Instant created, Instant expires) {
        return new OwnershipMarker(
                        OwnershipMarker.VERSION,
                        installation,
                        lease,
                        "np-x",
                        "np-x-n1",
                        "someone",
                        "job#1",
                        created,
                        expires,
                        vmid,
                        null)
                .signedWith(lab.services.engine().context().markerKey())
                .format();
    }

    /** A marker as written before markers were signed. */
    private static String unsigned(String installation, String lease, Instant created) {
        return new OwnershipMarker(1, installation, lease, "np-x", "np-x-n1", "someone", "job#1", created, null)
                .format();
    }

    private void clone(int vmid, String name, String description) throws InterruptedException {
        CloneRequest.Builder b = CloneRequest.builder(vmid).name(name);
        if (description != null) {
            b.description(description);
        }
        host.tasks()
                .await(
                        host.cloneVm(lab.sim.hostNode(), lab.sim.template().vmid(), b.build()),
                        Deadline.after(Clock.systemUTC(), Duration.ofSeconds(60)));
        host.updateVmConfigSync(lab.sim.hostNode(), vmid, java.util.Map.of("tags", OwnershipMarker.TAG));
    }
}
