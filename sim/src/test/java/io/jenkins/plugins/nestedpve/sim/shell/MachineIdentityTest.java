package io.jenkins.plugins.nestedpve.sim.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** chpasswd and Shadow, machine ids, SSH host keys: what a fresh identity for a cloned guest needs. */
class MachineIdentityTest {
    private static String hostKeyText;
    private static String hostKeyPub;

    private final FakeMachine m = new FakeMachine();

    @BeforeAll
    static void oneKey() {
        KeyPair pair = HostKeys.generate(HostKeys.Type.ED25519, 0, new Random(3));
        hostKeyText = HostKeys.privateKeyText(pair, "root@template");
        hostKeyPub = HostKeys.publicKeyLine(pair.getPublic(), "root@template") + "\n";
    }

    @Test
    void chpasswdSetsAVerifiablePassword() {
        m.run("echo 'root:N3w p@ss:w0rd' | chpasswd");

        assertThat(Shadow.verify(m.fs, "root", "N3w p@ss:w0rd")).isTrue();
        assertThat(Shadow.verify(m.fs, "root", "other")).isFalse();
    }

    @Test
    void chpasswdWritesShaCryptLikeShadowLine() {
        m.fs.write(MachineFiles.SHADOW, "root:*:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n");

        m.run("echo root:pw | chpasswd");

        String shadow = m.fs.read(MachineFiles.SHADOW).orElseThrow();
        long today = FakeMachine.NOW.getEpochSecond() / 86400;
        assertThat(shadow)
                .matches("root:\\$6\\$[./0-9A-Za-z]{16}\\$[^:]+:" + today
                        + ":0:99999:7:::\ndaemon:\\*:19000:0:99999:7:::\n");
    }

    @Test
    void chpasswdUnknownUserChangesNothing() {
        Shadow.setPassword(m.fs, "root", "old", new Random(1), java.time.Clock.systemUTC());

        Shell.Result r = m.run("printf 'root:new\\nghost:x\\n' | chpasswd");

        assertThat(r)
                .isEqualTo(new Shell.Result(
                        1,
                        "",
                        "chpasswd: line 2: user 'ghost' does not exist\nchpasswd: error detected, changes ignored\n"));
        assertThat(Shadow.verify(m.fs, "root", "old")).isTrue();
    }

    @Test
    void lockedAccountNeverVerifies() {
        m.fs.write(MachineFiles.SHADOW, "root:!:19000:0:99999:7:::\n");

        assertThat(Shadow.verify(m.fs, "root", "")).isFalse();
    }

    @Test
    void machineIdResetGivesANewId() {
        m.fs.write(MachineFiles.MACHINE_ID, "0123456789abcdef0123456789abcdef\n");

        Shell.Result r = m.run("rm -f /etc/machine-id && systemd-machine-id-setup");

        assertThat(r.stdout()).isEqualTo("Initializing machine ID from random generator.\n");
        assertThat(m.fs.read(MachineFiles.MACHINE_ID).orElseThrow())
                .matches("[0-9a-f]{32}\n")
                .isNotEqualTo("0123456789abcdef0123456789abcdef\n");
    }

    @Test
    void machineIdSetupKeepsAValidId() {
        m.fs.write(MachineFiles.MACHINE_ID, "0123456789abcdef0123456789abcdef\n");

        assertThat(m.run("systemd-machine-id-setup")).isEqualTo(new Shell.Result(0, "", ""));
        assertThat(m.fs.read(MachineFiles.MACHINE_ID)).contains("0123456789abcdef0123456789abcdef\n");
    }

    @Test
    void sshKeygenAllGeneratesOnlyMissingKeys() {
        m.fs.write(MachineFiles.hostKey("ed25519"), hostKeyText);
        m.fs.write(MachineFiles.hostKey("ed25519") + ".pub", hostKeyPub);
        m.fs.write(MachineFiles.hostKey("rsa"), "placeholder");
        m.fs.write(MachineFiles.hostKey("rsa") + ".pub", "placeholder");

        Shell.Result r = m.run("ssh-keygen -A");

        assertThat(r.stdout()).isEqualTo("ssh-keygen: generating new host keys: ECDSA \n");
        assertThat(m.fs.read(MachineFiles.hostKey("ed25519"))).contains(hostKeyText);
        assertThat(HostKeys.fingerprints(m.fs)).containsKeys("ed25519", "ecdsa");
    }

    @Test
    void regeneratedHostKeysDifferFromTheTemplates() {
        m.fs.write(MachineFiles.hostKey("ed25519"), hostKeyText);
        m.fs.write(MachineFiles.hostKey("ed25519") + ".pub", hostKeyPub);
        Map<String, String> before = HostKeys.fingerprints(m.fs);

        m.run("rm -f /etc/ssh/ssh_host_* && ssh-keygen -A");

        Map<String, String> after = HostKeys.fingerprints(m.fs);
        assertThat(after).containsOnlyKeys("ed25519", "ecdsa", "rsa");
        assertThat(after.get("ed25519")).isNotEqualTo(before.get("ed25519"));
        assertThat(m.fs.read(MachineFiles.hostKey("rsa")).orElseThrow())
                .startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
    }

    @Test
    void fingerprintLineLooksLikeOpenSsh() {
        m.fs.write(MachineFiles.hostKey("ed25519"), hostKeyText);
        m.fs.write(MachineFiles.hostKey("ed25519") + ".pub", hostKeyPub);

        Shell.Result r = m.run("ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub");

        assertThat(r.stdout())
                .isEqualTo("256 " + HostKeys.fingerprints(m.fs).get("ed25519") + " root@template (ED25519)\n");
    }

    @Test
    void fingerprintOfMissingFileFails() {
        assertThat(m.run("ssh-keygen -lf /nope"))
                .isEqualTo(new Shell.Result(255, "", "/nope: No such file or directory\n"));
    }

    @Test
    void keygenWithTypeAndFileWritesBothFiles() {
        m.fs.write(MachineFiles.HOSTNAME, "pve1\n");

        m.run("ssh-keygen -q -t ed25519 -N '' -f /root/.ssh/id_ed25519");

        assertThat(m.fs.read("/root/.ssh/id_ed25519").orElseThrow()).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
        assertThat(m.fs.read("/root/.ssh/id_ed25519.pub").orElseThrow())
                .startsWith("ssh-ed25519 ")
                .endsWith(" root@pve1\n");
    }
}
