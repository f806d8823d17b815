package io.jenkins.plugins.nestedpve.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourcesConversionTest {
    private static final String DIR = "/etc/apt/sources.list.d/";

    private static Map<String, String> pve8() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(
                "/etc/apt/sources.list",
                "deb http://deb.debian.org/debian bookworm main contrib\n"
                        + "deb http://deb.debian.org/debian bookworm-updates main contrib\n\n# security updates\n"
                        + "deb http://security.debian.org/debian-security bookworm-security main contrib\n");
        files.put(
                DIR + "pve-enterprise.list", "deb https://enterprise.proxmox.com/debian/pve bookworm pve-enterprise\n");
        files.put(DIR + "pve-no-sub.list", "deb http://download.proxmox.com/debian/pve bookworm pve-no-subscription\n");
        return files;
    }

    @Test
    void debianSourcesMoveToTrixieInDeb822() {
        SourcesConversion.Result r =
                SourcesConversion.convert(pve8(), UpgradePlan.builder().build());

        assertThat(r.writes().get(DIR + "debian.sources"))
                .isEqualTo("Types: deb\nURIs: http://deb.debian.org/debian/\n"
                        + "Suites: trixie trixie-updates\nComponents: main contrib\n"
                        + "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\n"
                        + "Types: deb\nURIs: http://security.debian.org/debian-security/\nSuites: trixie-security\n"
                        + "Components: main contrib\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n");
    }

    @Test
    void noSubscriptionGetsProxmoxSourcesAndADisabledEnterpriseEntry() {
        SourcesConversion.Result r =
                SourcesConversion.convert(pve8(), UpgradePlan.builder().build());

        assertThat(r.writes().get(DIR + "proxmox.sources"))
                .isEqualTo("Types: deb\n"
                        + "URIs: http://download.proxmox.com/debian/pve\nSuites: trixie\nComponents: pve-no-subscription\n"
                        + "Signed-By: /usr/share/keyrings/proxmox-archive-keyring.gpg\n");
        assertThat(r.writes().get(DIR + "pve-enterprise.sources")).endsWith("Enabled: no\n");
    }

    @Test
    void theTestRepositoryUsesItsPve9SpellingAndTheMirror() {
        SourcesConversion.Result r = SourcesConversion.convert(
                pve8(),
                UpgradePlan.builder()
                        .repository("test")
                        .mirror("http://mirror.lab/debian/pve")
                        .build());

        assertThat(r.writes().get(DIR + "proxmox.sources"))
                .contains("URIs: http://mirror.lab/debian/pve\n")
                .contains("Components: pve-test\n");
    }

    @Test
    void enterpriseKeepsOnlyTheEnabledEnterpriseEntry() {
        SourcesConversion.Result r = SourcesConversion.convert(
                pve8(), UpgradePlan.builder().repository("enterprise").build());

        assertThat(r.writes()).doesNotContainKey(DIR + "proxmox.sources");
        assertThat(r.writes().get(DIR + "pve-enterprise.sources"))
                .contains("Components: pve-enterprise\n")
                .doesNotContain("Enabled: no");
    }

    @Test
    void convertedOneLineFilesAreRenamedAndOthersLeftAlone() {
        Map<String, String> files = pve8();
        files.put(DIR + "vendor.list", "deb https://repo.vendor.example/apt bookworm main\n");

        SourcesConversion.Result r =
                SourcesConversion.convert(files, UpgradePlan.builder().build());

        assertThat(r.renames())
                .containsExactly("/etc/apt/sources.list", DIR + "pve-enterprise.list", DIR + "pve-no-sub.list");
        assertThat(r.notes()).singleElement().asString().contains(DIR + "vendor.list");
    }

    @Test
    void cephRepositoriesMoveToSquid() {
        Map<String, String> files = pve8();
        files.put(DIR + "ceph.list", "deb http://download.proxmox.com/debian/ceph-quincy bookworm no-subscription\n");

        SourcesConversion.Result r =
                SourcesConversion.convert(files, UpgradePlan.builder().build());

        assertThat(r.writes().get(DIR + "ceph.sources"))
                .contains("URIs: http://download.proxmox.com/debian/ceph-squid\nSuites: trixie\n"
                        + "Components: no-subscription\n");
    }
}
