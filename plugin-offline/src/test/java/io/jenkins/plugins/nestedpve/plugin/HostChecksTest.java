package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostChecksTest {
    private static final String FP = PveHostDescriptorTest.FP;

    @Test
    void apiUrlWithoutPortUsesPveDefault() {
        assertThat(HostChecks.apiUrl("https://pve.example.org")).isEqualTo(Validation.ok());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"https://pve.example.org:8006", "https://10.0.0.5:8006/", "https://[fd00::5]:8006/api2/json"})
    void apiUrlForms(String url) {
        assertThat(HostChecks.apiUrl(url)).isEqualTo(Validation.ok());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "pve.example.org:8006",
                "https://pve.example.org:8006/pve-docs",
                "https://root@pve:8006",
                "https://pve:8006/?x=1"
            })
    void apiUrlMistakesAreErrors(String url) {
        assertThat(HostChecks.apiUrl(url).isError()).isTrue();
    }

    @Test
    void missingApiUrlSaysWhatToEnter() {
        assertThat(HostChecks.apiUrl(" ").message()).contains("https://pve1.example.org:8006");
    }

    @Test
    void nodeNameWithDomainIsAnError() {
        assertThat(HostChecks.node("pve1.example.org").message()).contains("short hostname");
    }

    @Test
    void fingerprintWithoutColonsIsAccepted() {
        assertThat(HostChecks.fingerprint(FP.replace(":", ""))).isEqualTo(Validation.ok());
    }

    @Test
    void shortFingerprintSaysWhereToReadIt() {
        assertThat(HostChecks.fingerprint("AB:CD").message()).contains("openssl x509 -noout -fingerprint -sha256");
    }

    @Test
    void missingFingerprintIsAnErrorBecauseItIsTheOnlyTrust() {
        assertThat(HostChecks.fingerprint("").message()).contains("trusted only by this pin");
    }

    @Test
    void anSshCredentialWithoutTheHostKeyFingerprintIsFlagged() {
        Validation v = HostChecks.sshHostKeyFingerprint("", "host-ssh");
        assertThat(v.kind()).isEqualTo(Validation.Kind.WARNING);
        assertThat(v.message()).contains("used only together with the host's SSH key fingerprint");
        assertThat(HostChecks.sshHostKeyFingerprint("SHA256:" + "A".repeat(43), "host-ssh"))
                .isEqualTo(Validation.ok());
    }

    @Test
    void sshHostKeyFingerprintIsOptional() {
        assertThat(HostChecks.sshHostKeyFingerprint(null, null)).isEqualTo(Validation.ok());
    }

    @Test
    void md5HostKeyFingerprintIsRefused() {
        assertThat(HostChecks.sshHostKeyFingerprint("MD5:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48", null)
                        .isError())
                .isTrue();
    }

    @Test
    void openSshSha256HostKeyFingerprintIsAccepted() {
        assertThat(HostChecks.sshHostKeyFingerprint("SHA256:" + "A".repeat(43), null))
                .isEqualTo(Validation.ok());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9000", "pve84-tmpl", "tmpl.pve9"})
    void templateByVmidOrName(String template) {
        assertThat(HostChecks.template(template)).isEqualTo(Validation.ok());
    }

    @Test
    void templateWithUnderscoreIsNotAVmName() {
        assertThat(HostChecks.template("pve_tmpl").isError()).isTrue();
    }

    @Test
    void noDefaultTemplateIsOnlyAWarning() {
        assertThat(HostChecks.template("").kind()).isEqualTo(Validation.Kind.WARNING);
    }

    @Test
    void vlanOutOfRangeIsAnError() {
        assertThat(HostChecks.vlan("4095").isError()).isTrue();
        assertThat(HostChecks.vlan("0")).isEqualTo(Validation.ok());
    }

    @Test
    void vmidsBelowOneHundredAreRefused() {
        assertThat(HostChecks.vmidRange("99", "200").message()).contains("must lie within 100..999999999");
    }

    @Test
    void vmidRangeWithinLimitsIsAccepted() {
        assertThat(HostChecks.vmidRange("100", "999999999")).isEqualTo(Validation.ok());
    }

    @Test
    void vmidRangeNeedsNumbers() {
        assertThat(HostChecks.vmidRange("abc", "200").message()).startsWith("Both ends of the VMID range");
    }

    @Test
    void rangeEndingBeforeItStartsIsRefused() {
        assertThat(HostChecks.vmidRange("500", "400").isError()).isTrue();
    }

    @Test
    void rangeOfOneVmidIsAccepted() {
        assertThat(HostChecks.vmidRange("500", "500")).isEqualTo(Validation.ok());
    }

    @Test
    void storageIdMustStartWithALetter() {
        assertThat(HostChecks.storage("1disk").isError()).isTrue();
        assertThat(HostChecks.storage("local-lvm")).isEqualTo(Validation.ok());
    }

    @Test
    void bridgeNameLongerThanFifteenIsRefused() {
        assertThat(HostChecks.bridge("vmbr0123456789ab").isError()).isTrue();
    }

    @Test
    void hostIdMustBeUsableInAPipeline() {
        assertThat(HostChecks.id("lab 1").isError()).isTrue();
        assertThat(HostChecks.id("lab-1")).isEqualTo(Validation.ok());
    }

    @Test
    void missingCredentialsNameTheKindToSelect() {
        assertThat(HostChecks.requiredCredentials("", "\"Secret text\" credential")
                        .message())
                .isEqualTo("Select the \"Secret text\" credential.");
    }

    @Test
    void aTemplatePasswordStillSetIsFlaggedAsUnused() {
        assertThat(HostChecks.unusedTemplatePassword("").kind()).isEqualTo(Validation.Kind.OK);
        assertThat(HostChecks.unusedTemplatePassword("template-root").kind()).isEqualTo(Validation.Kind.WARNING);
        assertThat(HostChecks.unusedTemplatePassword("template-root").message()).startsWith("Unused:");
    }

    @Test
    void aPoolIdIsCheckedLikePveDoes() {
        assertThat(HostChecks.pool("").kind()).isEqualTo(Validation.Kind.OK);
        assertThat(HostChecks.pool("lab/nested-ci").kind()).isEqualTo(Validation.Kind.OK);
        assertThat(HostChecks.pool("nested ci").isError()).isTrue();
    }
}
