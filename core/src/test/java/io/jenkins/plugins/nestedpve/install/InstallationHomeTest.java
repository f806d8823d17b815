package io.jenkins.plugins.nestedpve.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.cluster.MarkerKey;
import io.jenkins.plugins.nestedpve.ledger.LedgerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallationHomeTest {
    @TempDir
    Path dir;

    @Test
    void theIdIsCreatedOnceAndKept() {
        UUID first = InstallationHome.open(dir, Clock.systemUTC()).id();

        assertThat(InstallationHome.open(dir, Clock.systemUTC()).id()).isEqualTo(first);
    }

    @Test
    void anAdoptedIdBecomesTheInstallationsId() {
        UUID old = UUID.randomUUID();

        assertThat(InstallationHome.adoptId(dir, old)).isEqualTo(old);
        assertThat(InstallationHome.open(dir, Clock.systemUTC()).id()).isEqualTo(old);
    }

    @Test
    void adoptingNeverReplacesAnExistingId() {
        UUID existing = InstallationHome.open(dir, Clock.systemUTC()).id();

        assertThat(InstallationHome.adoptId(dir, UUID.randomUUID())).isEqualTo(existing);
    }

    @Test
    void theEngineContextCarriesTheIdAndTheLedger() {
        InstallationHome home = InstallationHome.open(dir, Clock.systemUTC());
        home.leases().open("l1", "np-a", Map.of());

        var ctx = home.engineContext(MarkerKey.generate()).build();

        assertThat(ctx.installationId()).isEqualTo(home.id());
        assertThat(ctx.ledger()).isSameAs(home.ledger());
        assertThat(Files.exists(dir.resolve(InstallationHome.LEDGER_FILE))).isTrue();
    }

    @Test
    void aCorruptIdSaysWhatToDo() throws Exception {
        Files.writeString(dir.resolve(InstallationHome.ID_FILE), "garbage\n");

        assertThatThrownBy(() -> InstallationHome.open(dir, Clock.systemUTC()))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("does not hold a UUID")
                .hasMessageContaining("restore it from a backup");
    }
}
