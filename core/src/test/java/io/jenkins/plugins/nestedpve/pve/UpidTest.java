package io.jenkins.plugins.nestedpve.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UpidTest {
    @Test
    void parsesEveryFieldOfACloneUpidStartedByAToken() {
        Upid u = Upid.parse("UPID:pve1:0002A3F1:00C3B2A0:6621D3E5:qmclone:9000:root@pam!ci:");

        assertThat(u.node()).isEqualTo("pve1");
        assertThat(u.pid()).isEqualTo(0x2A3F1);
        assertThat(u.pstart()).isEqualTo(0xC3B2A0);
        assertThat(u.startTime()).isEqualTo(Instant.ofEpochSecond(0x6621D3E5L));
        assertThat(u.type()).isEqualTo("qmclone");
        assertThat(u.id()).isEqualTo("9000");
        assertThat(u.user()).isEqualTo("root@pam!ci");
        assertThat(u.userid()).isEqualTo("root@pam");
        assertThat(u.tokenId()).isEqualTo("ci");
    }

    @Test
    void acceptsLowerCaseHexAndANineDigitPstart() {
        Upid u = Upid.parse("UPID:node-2:0002a3f1:1c3b2a0ff:6621d3e5:qmstart:101:ci@pve:");

        assertThat(u.pstart()).isEqualTo(0x1c3b2a0ffL);
        assertThat(u.tokenId()).isNull();
    }

    @Test
    void acceptsAnEmptyIdAsAClusterJoinHas() {
        Upid u = Upid.parse("UPID:pve2:00001234:00005678:6621D3E5:clusterjoin::root@pam:");

        assertThat(u.id()).isEmpty();
        assertThat(u.describe()).isEqualTo("clusterjoin on pve2");
    }

    @Test
    void keepsTheExactTextAsItsValue() {
        String text = "UPID:pve1:0002a3f1:00C3B2A0:6621D3E5:qmclone:9000:root@pam:";

        assertThat(Upid.parse(text).toString()).isEqualTo(text);
    }

    @Test
    void rejectsAUpidWithoutTheTrailingColon() {
        assertThatThrownBy(() -> Upid.parse("UPID:pve1:0002A3F1:00C3B2A0:6621D3E5:qmclone:9000:root@pam"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UPID:<node>:<pid>:<pstart>:<starttime>:<type>:<id>:<user>:");
    }

    @Test
    void rejectsGarbageQuotingIt() {
        assertThatThrownBy(() -> Upid.parse("not-a-task"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'not-a-task' is not a PVE task id");
    }

    @Test
    void rejectsNonHexPid() {
        assertThatThrownBy(() -> Upid.parse("UPID:pve1:0002A3G1:00C3B2A0:6621D3E5:qmclone:9000:root@pam:"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
