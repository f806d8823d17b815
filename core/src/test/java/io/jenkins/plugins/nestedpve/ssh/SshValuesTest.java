package io.jenkins.plugins.nestedpve.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The small immutable values: validation, labels and redaction. */
class SshValuesTest {
    static final String SECRET = "S3cr3t-'$(reboot)'";

    @Test
    void targetPrintsUserHostAndPort() {
        assertThat(new SshTarget("127.77.0.101", 2222, "root")).hasToString("root@127.77.0.101:2222");
        assertThat(SshTarget.root("10.0.0.5").hostPort()).isEqualTo("10.0.0.5:22");
    }

    @Test
    void targetBracketsIpv6() {
        assertThat(new SshTarget("fd00::5", 22, "root").hostPort()).isEqualTo("[fd00::5]:22");
    }

    @Test
    void targetRefusesAnImpossiblePort() {
        assertThatThrownBy(() -> new SshTarget("h", 0, "root"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1..65535");
    }

    @Test
    void targetRefusesABlankUser() {
        assertThatThrownBy(() -> new SshTarget("h", 22, " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passwordToStringIsRedacted() {
        assertThat(SshAuth.password(SECRET).toString()).doesNotContain(SECRET).contains("redacted");
    }

    @Test
    void privateKeyToStringHidesKeyAndPassphrase() {
        SshAuth key = SshAuth.privateKey("-----BEGIN OPENSSH PRIVATE KEY-----\n" + SECRET, SECRET);

        assertThat(key.toString())
                .doesNotContain(SECRET)
                .doesNotContain("BEGIN")
                .contains("redacted");
    }

    @Test
    void privateKeyWithoutPassphraseSaysSo() {
        assertThat(SshAuth.privateKey("key text")).hasToString("PrivateKey[pem=<redacted>, passphrase=none]");
    }

    @Test
    void plainCommandIsLabelledByItsFirstWord() {
        assertThat(SensitiveCommand.plain("  apt-get -y dist-upgrade").label()).isEqualTo("apt-get");
    }

    @Test
    void plainCommandStartingWithAnAssignmentGetsAGenericLabel() {
        assertThat(SensitiveCommand.plain("PASS=" + SECRET + " chpasswd").label())
                .isEqualTo("command");
    }

    @Test
    void plainCommandStartingWithAQuoteGetsAGenericLabel() {
        assertThat(SensitiveCommand.plain("'" + SECRET + "'").label()).isEqualTo("command");
    }

    @Test
    void sensitiveCommandToStringShowsOnlyTheLabel() {
        SensitiveCommand command =
                SensitiveCommand.of("chpasswd", "set root password").withStdin("root:" + SECRET);

        assertThat(command.toString()).isEqualTo("SensitiveCommand[set root password]");
    }

    @Test
    void sensitiveCommandNeedsALabel() {
        assertThatThrownBy(() -> SensitiveCommand.of("chpasswd", " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timeoutsRefuseAKeepAliveBelowOneSecond() {
        assertThatThrownBy(() -> SshTimeouts.DEFAULTS.withKeepAlive(Duration.ofMillis(500), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keepAlive must be at least 1 s");
    }

    @Test
    void timeoutsRefuseZero() {
        assertThatThrownBy(() -> SshTimeouts.DEFAULTS.withConnect(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connect must be positive");
    }

    @Test
    void timeoutsChangeOnlyWhatIsAsked() {
        SshTimeouts changed = SshTimeouts.DEFAULTS.withConnect(Duration.ofSeconds(3));

        assertThat(changed.connect()).isEqualTo(Duration.ofSeconds(3));
        assertThat(changed.withConnect(SshTimeouts.DEFAULTS.connect())).isEqualTo(SshTimeouts.DEFAULTS);
    }

    @Test
    void defaultTimeoutsAreBounded() {
        SshTimeouts d = SshTimeouts.DEFAULTS;

        assertThat(d.connect()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.keepAlive().multipliedBy(d.keepAliveMaxMissed())).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void fingerprintNormalizesPaddingAndWhitespace() {
        String bare = "SHA256:" + "a".repeat(43);

        assertThat(HostKeyFingerprint.normalize("  " + bare + "=\n")).isEqualTo(bare);
    }
}
