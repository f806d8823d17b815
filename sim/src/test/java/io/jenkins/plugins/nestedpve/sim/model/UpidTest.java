package io.jenkins.plugins.nestedpve.sim.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UpidTest {
    @Test
    void encodesUpperCaseHexAndEndsWithAColon() {
        Upid u = new Upid("pve1", 0x2A3F1, 0xC3B2A0, 0x6621D3E5L, "qmclone", "9000", "root@pam!ci");
        assertThat(u.toString()).isEqualTo("UPID:pve1:0002A3F1:00C3B2A0:6621D3E5:qmclone:9000:root@pam!ci:");
    }

    @Test
    void parsesEitherCaseAndAnEmptyId() {
        Upid u = Upid.parse("UPID:n:0002a3f1:00c3b2a0:6621d3e5:clusterjoin::root@pam:")
                .orElseThrow();
        assertThat(u.pid()).isEqualTo(0x2A3F1);
        assertThat(u.id()).isEmpty();
        assertThat(u.type()).isEqualTo("clusterjoin");
    }

    @Test
    void rejectsTextThatIsNoUpid() {
        assertThat(Upid.parse("UPID:n:1:2:3:qmstart:100:root@pam")).isEmpty();
    }

    @Test
    void logPathUsesTheLastHexDigitOfTheStartTime() {
        Upid u = new Upid("pve", 1, 2, 0x6621D3E5L, "qmstart", "100", "root@pam");
        assertThat(u.logPath()).startsWith("/var/log/pve/tasks/5/UPID:pve:");
    }
}
