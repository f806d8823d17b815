package io.jenkins.plugins.nestedpve.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void leaseFileIsKnownWhileHeldByALiveProcess() {
        LeaseFiles leases = new LeaseFiles(dir);

        ShutdownHooks.Registration held = leases.hold("lease-1", "np-a");
        assertThat(leases.isKnown("lease-1")).isTrue();
        assertThat(leases.isKnown("lease-2")).isFalse();

        held.close();
        assertThat(leases.isKnown("lease-1")).isFalse();
    }

    @Test
    void leaseOfADeadProcessIsUnknown() throws Exception {
        Files.createDirectories(dir.resolve("leases"));
        Files.writeString(dir.resolve("leases/lease-9"), "999999999\nnp-x\n");

        assertThat(new LeaseFiles(dir).isKnown("lease-9")).isFalse();
    }
}
