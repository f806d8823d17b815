package io.jenkins.plugins.nestedpve.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PveEncodingTest {
    @Test
    void sshKeysEncodesSpacesAsPercent20NeverPlus() {
        String v = PveEncoding.sshKeys(List.of("ssh-ed25519 AAAAC3Nza+C1/lZDI1NTE5= ci@host"));

        assertThat(v).isEqualTo("ssh-ed25519%20AAAAC3Nza%2BC1%2FlZDI1NTE5%3D%20ci%40host");
        assertThat(v).matches("[-%a-zA-Z0-9_.!~*'()]*");
    }

    @Test
    void sshKeysPutsOneKeyPerLine() {
        String v = PveEncoding.sshKeys(List.of("ssh-ed25519 AAA a", "ssh-rsa BBB b"));

        assertThat(v).isEqualTo("ssh-ed25519%20AAA%20a%0Assh-rsa%20BBB%20b");
    }

    @Test
    void sshKeysRejectsAnEmptyList() {
        assertThatThrownBy(() -> PveEncoding.sshKeys(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tagsAreJoinedWithSemicolons() {
        assertThat(PveEncoding.tags(List.of("nested-pve", "lease.42"))).isEqualTo("nested-pve;lease.42");
    }

    @Test
    void tagsRejectCharactersPveRefuses() {
        assertThatThrownBy(() -> PveEncoding.tags(List.of("bad tag")))
                .hasMessageContaining("'bad tag' is not a valid PVE tag");
    }

    @Test
    void queryEncodesEqualsPlusAndBooleans() {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("a", "x=y+z");
        q.put("purge", true);
        q.put("force", false);
        q.put("skip", null);

        assertThat(PveEncoding.query(q)).isEqualTo("a=x%3Dy%2Bz&purge=1&force=0");
    }

    @Test
    void pathSegmentKeepsTheColonsOfAUpid() {
        assertThat(PveEncoding.pathSegment("UPID:pve:00000001:00000002:00000003:qmstart:100:ci@pve!x:"))
                .isEqualTo("UPID:pve:00000001:00000002:00000003:qmstart:100:ci@pve!x:");
        assertThat(PveEncoding.pathSegment("a/b")).isEqualTo("a%2Fb");
    }
}
