package io.jenkins.plugins.nestedpve.ssh;

import io.jenkins.plugins.nestedpve.wait.Backoff;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import io.jenkins.plugins.nestedpve.wait.Waiter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real OpenSSH server for one test class: throwaway host and client keys made with ssh-keygen, a
 * minimal sshd_config in a temporary directory, and {@code sshd -D} on a free loopback port,
 * stopped after the class. Register it with {@code @RegisterExtension static}.
 *
 * <p>When {@code /usr/sbin/sshd} is missing the class is skipped with a printed notice, so a
 * developer machine without openssh-server still builds; CI (which installs it) sets {@code
 * NESTED_PVE_REQUIRE_OPENSSH=1} to turn that skip into a failure, so the real-server tests can never
 * silently stop running there.
 */
final class OpenSshServerFixture implements BeforeAllCallback, AfterAllCallback {
    static final Path SSHD = Path.of("/usr/sbin/sshd");
    static final Path SFTP_SERVER = Path.of("/usr/lib/openssh/sftp-server");
    static final String KEY_PASSPHRASE = "correct horse 'battery' $(staple)";
    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(20);

    private Path dir;
    private Process sshd;
    private int port;
    private String hostKeyFingerprint;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        requireSshd();
        dir = Files.createTempDirectory("nested-pve-sshd");
        keygen("host_ed25519", "");
        keygen("client_ed25519", "");
        keygen("client_encrypted", KEY_PASSPHRASE);
        keygen("stranger_ed25519", "");
        Files.writeString(
                dir.resolve("authorized_keys"),
                Files.readString(dir.resolve("client_ed25519.pub"))
                        + Files.readString(dir.resolve("client_encrypted.pub")));
        hostKeyFingerprint = run(
                        "ssh-keygen", "-lf", dir.resolve("host_ed25519.pub").toString())
                .split("\\s+")[1];
        startOnAFreePort();
    }

    private static void requireSshd() {
        if (Files.isExecutable(SSHD)) {
            return;
        }
        String notice = "OpenSSH server tests need " + SSHD + " (Debian package openssh-server)";
        if ("1".equals(System.getenv("NESTED_PVE_REQUIRE_OPENSSH"))) {
            Assertions.fail(notice + ", and NESTED_PVE_REQUIRE_OPENSSH=1 says they must run here");
        }
        System.err.println("SKIPPED: " + notice + "; install it (or set NESTED_PVE_REQUIRE_OPENSSH=1 to fail)");
        Assumptions.abort(notice);
    }

    /** Another process may take the free port between probe and bind; then try a new one. */
    private void startOnAFreePort() throws Exception {
        for (int attempt = 1; ; attempt++) {
            port = freePort();
            Path config = writeConfig();
            run(SSHD.toString(), "-t", "-f", config.toString()); // a config error fails here, clearly
            sshd = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("sshd.log").toFile())
                    .start();
            if (awaitListening() || attempt == 3) {
                if (!sshd.isAlive()) {
                    throw new IllegalStateException("sshd did not start; its log:\n" + log());
                }
                return;
            }
        }
    }

    private Path writeConfig() throws IOException {
        if (isRoot()) {
            // sshd's privilege separation directory; the openssh-server package creates it at boot
            Files.createDirectories(
                    Path.of("/run/sshd"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        }
        String sftp = Files.isExecutable(SFTP_SERVER) ? SFTP_SERVER.toString() : "internal-sftp";
        List<String> lines = List.of(
                "ListenAddress 127.0.0.1",
                "Port " + port,
                "HostKey " + dir.resolve("host_ed25519"),
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "AllowUsers " + user(),
                "StrictModes no",
                "UsePAM no",
                "PrintMotd no",
                "Subsystem sftp " + sftp,
                "LogLevel VERBOSE");
        Path config = dir.resolve("sshd_config");
        Files.write(config, lines, StandardCharsets.UTF_8);
        return config;
    }

    /** Polls the port with short probes until sshd listens; false when sshd exited (port taken). */
    private boolean awaitListening() throws InterruptedException {
        Waiter waiter = new Waiter(Clock.systemUTC(), Sleeper.SYSTEM);
        return waiter.until(
                "sshd on 127.0.0.1:" + port + " should accept connections",
                Duration.ofSeconds(15),
                new Backoff(Duration.ofMillis(10), 2.0, Duration.ofMillis(200)),
                () -> {
                    if (!sshd.isAlive()) {
                        return Optional.of(false);
                    }
                    try (Socket probe = new Socket()) {
                        probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                        return Optional.of(true);
                    } catch (IOException notYet) {
                        return Optional.empty();
                    }
                });
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (sshd != null) {
            sshd.destroy();
            if (!sshd.waitFor(10, TimeUnit.SECONDS)) {
                sshd.destroyForcibly();
            }
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    SshTarget target() {
        return new SshTarget("127.0.0.1", port, user());
    }

    /** The host key's fingerprint as {@code ssh-keygen -lf} prints it. */
    String hostKeyFingerprint() {
        return hostKeyFingerprint;
    }

    SshAuth clientKey() {
        return SshAuth.privateKey(read("client_ed25519"));
    }

    SshAuth encryptedClientKey(String passphrase) {
        return SshAuth.privateKey(read("client_encrypted"), passphrase);
    }

    /** A valid key that is not in authorized_keys. */
    SshAuth strangerKey() {
        return SshAuth.privateKey(read("stranger_ed25519"));
    }

    /** A scratch directory the remote user may write to. */
    Path dir() {
        return dir;
    }

    String log() {
        try {
            return Files.readString(dir.resolve("sshd.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private String read(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void keygen(String name, String passphrase) throws Exception {
        // -a 1: a single KDF round keeps decrypting the encrypted key fast; its strength is moot here
        run(
                "ssh-keygen",
                "-q",
                "-t",
                "ed25519",
                "-a",
                "1",
                "-N",
                passphrase,
                "-C",
                "nested-pve-test " + name,
                "-f",
                dir.resolve(name).toString());
    }

    /** Runs a local tool to completion (bounded) and returns its output; fails with it on error. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(command)))
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(command[0] + " did not finish within " + COMMAND_LIMIT);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + p.exitValue() + "): " + out);
        }
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String user() {
        return System.getProperty("user.name");
    }

    private static boolean isRoot() {
        return "root".equals(user());
    }
}
