package io.jenkins.plugins.nestedpve.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.ledger.LeaseStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallationTest {
    @TempDir
    Path dir;

    @Test
    void idIsCreatedOnFirstUseAndKept() throws Exception {
        Installation first = Installation.at(dir.resolve("home"));
        Installation second = Installation.at(dir.resolve("home"));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(Files.readString(dir.resolve("home/installation-id")).strip())
                .isEqualTo(first.id().toString());
    }

    @Test
    void theMarkerKeyIsCreatedOwnerOnlyAndKept() throws Exception {
        Installation home = Installation.at(dir.resolve("home"));

        assertThat(home.markerKey())
                .isEqualTo(Installation.at(dir.resolve("home")).markerKey());
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dir.resolve("home/marker-key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aMarkerKeyReadableByOthersIsRefused() throws Exception {
        Installation home = Installation.at(dir.resolve("home"));
        home.markerKey();
        Files.setPosixFilePermissions(
                dir.resolve("home/marker-key"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(home::markerKey)
                .isInstanceOf(CliException.class)
                .hasMessageContaining("readable by others")
                .hasMessageContaining("chmod 600");
    }

    @Test
    void aSecretFileDoesNotFollowASymlinkSwappedInAtItsName() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim"), "precious");
        Path file = dir.resolve("np-a.root-password");
        Files.createSymbolicLink(file, victim);

        SecretFiles.write(file, "pw");

        assertThat(Files.readString(victim)).isEqualTo("precious");
        assertThat(Files.readString(file)).isEqualTo("pw\n");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void twoHomesAreTwoInstallations() {
        assertThat(Installation.at(dir.resolve("a")).id())
                .isNotEqualTo(Installation.at(dir.resolve("b")).id());
    }

    @Test
    void homeVariableMovesTheHome() {
        assertThat(CliContext.defaultHome(Map.of("NESTED_PVE_HOME", "/srv/np"), Path.of("/root")))
                .isEqualTo(Path.of("/srv/np"));
        assertThat(CliContext.defaultHome(Map.of(), Path.of("/home/alice")))
                .isEqualTo(Path.of("/home/alice/.config/nested-pve"));
    }

    @Test
    void corruptIdIsAnErrorThatSaysWhatToDo() throws Exception {
        Files.createDirectories(dir.resolve("home"));
        Files.writeString(dir.resolve("home/installation-id"), "garbage\n");

        assertThatThrownBy(() -> Installation.at(dir.resolve("home")))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("does not hold a UUID");
    }

    @Test
    void aLeaseIsKnownWhileHeldByALiveProcess() {
        ProcessLeases leases = new ProcessLeases(Installation.at(dir).home().leases());

        ShutdownHooks.Registration held = leases.hold("lease-1", "np-a");
        assertThat(leases.isKnown("lease-1")).isTrue();
        assertThat(leases.isKnown("lease-2")).isFalse();

        held.close();
        assertThat(leases.isKnown("lease-1")).isFalse();
    }

    @Test
    void aLeaseOfADeadProcessIsUnknown() {
        LeaseStore store = Installation.at(dir).home().leases();
        store.open("lease-9", "np-x", Map.of(ProcessLeases.PID, "999999999"));

        assertThat(new ProcessLeases(store).isKnown("lease-9")).isFalse();
    }

    @Test
    void aHeldLeaseIsVisibleToAnotherProcessOfTheInstallation() {
        new ProcessLeases(Installation.at(dir).home().leases()).hold("lease-3", "np-c");

        // another process opens the same directory: it reads the same ledger file
        assertThat(new ProcessLeases(Installation.at(dir).home().leases()).isKnown("lease-3"))
                .isTrue();
    }
}
