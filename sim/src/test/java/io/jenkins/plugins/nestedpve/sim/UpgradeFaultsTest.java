package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UpgradeFaultsTest {
    @Test
    void namedFaultsTargetOneNodeOrAll() {
        UpgradeFaults f = FaultPlan.none().upgrade();
        f.apply("checker-fail@pve2=broken thing").apply("checker-warn=doubt").apply("repo-unreachable@pve1");
        assertThat(f.checkerLines("pve2"))
                .extracting(UpgradeFaults.CheckerLine::text)
                .containsExactly("broken thing", "doubt");
        assertThat(f.checkerLines("pve1"))
                .extracting(UpgradeFaults.CheckerLine::level)
                .containsExactly("WARN");
        assertThat(f.unreachable("pve1", "download.proxmox.com")).isTrue();
        assertThat(f.unreachable("pve2", "download.proxmox.com")).isFalse();
    }

    @Test
    void oneShotFaultsAreConsumed() {
        UpgradeFaults f =
                FaultPlan.none().upgrade().apply("dpkg-error@pve1=qemu-server").apply("no-return-after-upgrade");
        assertThat(f.takeDpkgError("pve1")).contains("qemu-server");
        assertThat(f.takeDpkgError("pve1")).isEmpty();
        assertThat(f.takeNoReturn("any")).isTrue();
        assertThat(f.takeNoReturn("any")).isFalse();
    }

    @Test
    void unknownNameOrMissingTextIsRefusedNamingTheKnownFaults() {
        UpgradeFaults f = FaultPlan.none().upgrade();
        assertThatThrownBy(() -> f.apply("disk-full"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown upgrade fault 'disk-full'")
                .hasMessageContaining("checker-fail");
        assertThatThrownBy(() -> f.apply("checker-fail@pve1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checker-fail[@NODE]=TEXT");
    }

    @Test
    void standaloneSimulatorTakesFaultOptions() {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        try (Simulator sim = StandaloneMain.start(
                new String[] {"--scale", "0.001", "--api-port", "0", "--ssh-port", "0", "--fault", "checker-warn@n1=x"},
                new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8))) {
            assertThat(sim.faults().upgrade().checkerLines("n1")).hasSize(1);
        }
    }
}
