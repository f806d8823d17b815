package io.jenkins.plugins.nestedpve.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.wait.Sleeper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SFTP uploads, read back through a remote command. */
class SshUploadTest {
    @TempDir
    static Path root;

    static KeyPair hostKey;
    static FakeSshServer server;

    SshSession session;

    @BeforeAll
    static void startServer() throws Exception {
        hostKey = TestKeys.ec256();
        server = FakeSshServer.start(root, hostKey, TestKeys.ec256().getPublic());
        Files.createDirectories(root.resolve("etc"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void connect() {
        session = new SshConnector(SshTimeouts.DEFAULTS, Clock.systemUTC(), Sleeper.SYSTEM)
                .connect(
                        server.target(),
                        SshAuth.password(FakeSshServer.PASSWORD),
                        HostKeyPolicy.pinned(List.of(FakeSshServer.fingerprint(hostKey))));
    }

    @AfterEach
    void disconnect() {
        session.close();
    }

    @Test
    void uploadedTextReadsBackThroughCat() throws Exception {
        String content = "hostname: pve-1\nüñí ✓\n";

        session.upload(content, "/etc/hostname.new", 0644);

        assertThat(session.run("cat /etc/hostname.new", Duration.ofSeconds(10)).stdout())
                .isEqualTo(content);
    }

    @Test
    void uploadSetsTheMode() throws Exception {
        session.upload("secret", "/etc/secret.txt", 0600);

        assertThat(session.run("mode /etc/secret.txt", Duration.ofSeconds(10)).stdout())
                .isEqualTo("600\n");
    }

    @Test
    void uploadReplacesAnExistingFileAndItsMode() throws Exception {
        session.upload("a much longer first version\n", "/etc/replace.txt", 0644);

        session.upload("short\n", "/etc/replace.txt", 0640);

        assertThat(session.run("cat /etc/replace.txt", Duration.ofSeconds(10)).stdout())
                .isEqualTo("short\n");
        assertThat(session.run("mode /etc/replace.txt", Duration.ofSeconds(10)).stdout())
                .isEqualTo("640\n");
    }

    @Test
    void uploadsBinaryContentLargerThanOneChunk() throws Exception {
        byte[] content = new byte[100_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }

        session.upload(content, "/etc/blob.bin", 0644);

        assertThat(Files.readAllBytes(server.file("/etc/blob.bin"))).isEqualTo(content);
    }

    @Test
    void uploadIntoAMissingDirectoryNamesThePath() {
        assertThatThrownBy(() -> session.upload("x", "/no/such/dir/file", 0644))
                .isInstanceOf(SshException.class)
                .hasMessageContaining("SFTP upload to /no/such/dir/file on 127.0.0.1:" + server.port() + " failed")
                .hasMessageContaining("check that the directory exists");
    }

    @Test
    void uploadRefusesAnImpossibleMode() {
        assertThatThrownBy(() -> session.upload("x", "/etc/x", 010000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10000");
    }

    @Test
    void uploadedBytesAreExact() throws Exception {
        session.upload("line\r\nno newline at end", "/etc/exact.txt", 0644);

        assertThat(Files.readString(server.file("/etc/exact.txt"), StandardCharsets.UTF_8))
                .isEqualTo("line\r\nno newline at end");
    }
}
