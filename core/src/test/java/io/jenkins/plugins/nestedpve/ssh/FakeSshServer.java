package io.jenkins.plugins.nestedpve.ssh;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An in-process Apache MINA SSH server on 127.0.0.1 for the client's tests: password and public-key
 * login for {@link #USER}, a swappable set of host keys, SFTP into a directory, and {@link
 * FakeCommand scripted commands} whose server-side events (killed, signalled) tests can await.
 */
final class FakeSshServer implements AutoCloseable {
    static final String USER = "tester";
    /** Hostile on purpose: it must never show up in a message. */
    static final String PASSWORD = "pw-'$(reboot)'-S3cr3t!";

    private final SshServer server = SshServer.setUpDefaultServer();
    private final AtomicReference<List<KeyPair>> hostKeys;
    private final PublicKey authorizedKey;
    private final Path root;
    private final ExecutorService commands = Executors.newCachedThreadPool();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final AtomicInteger authAttempts = new AtomicInteger();
    private final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();
    private volatile CountDownLatch release = new CountDownLatch(1);
    private final AtomicLong pids = new AtomicLong(4000);
    private final Map<Long, FakeCommand> running = new ConcurrentHashMap<>();
    private final Map<Long, String> names = new ConcurrentHashMap<>();

    private FakeSshServer(Path root, KeyPair hostKey, PublicKey authorizedKey) {
        this.root = root;
        this.hostKeys = new AtomicReference<>(List.of(hostKey));
        this.authorizedKey = authorizedKey;
    }

    /** Starts on a free port. */
    static FakeSshServer start(Path root, KeyPair hostKey, PublicKey authorizedKey) throws IOException {
        return startOn(0, root, hostKey, authorizedKey);
    }

    static FakeSshServer startOn(int port, Path root, KeyPair hostKey, PublicKey authorizedKey) throws IOException {
        FakeSshServer fake = new FakeSshServer(root, hostKey, authorizedKey);
        fake.configure(port);
        fake.server.start();
        return fake;
    }

    private void configure(int port) {
        server.setHost("127.0.0.1");
        server.setPort(port);
        server.setKeyPairProvider(session -> new ArrayList<>(hostKeys.get()));
        server.setPasswordAuthenticator((user, password, session) -> {
            authAttempts.incrementAndGet();
            return USER.equals(user) && PASSWORD.equals(password);
        });
        server.setPublickeyAuthenticator((user, key, session) -> {
            authAttempts.incrementAndGet();
            return USER.equals(user) && KeyUtils.compareKeys(authorizedKey, key);
        });
        server.setKeyboardInteractiveAuthenticator(null);
        server.setCommandFactory((channel, command) -> new FakeCommand(this, command));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
    }

    int port() {
        return server.getPort();
    }

    SshTarget target() {
        return new SshTarget("127.0.0.1", port(), USER);
    }

    /** The server presents these keys from the next connection on. */
    void hostKeys(KeyPair... keys) {
        hostKeys.set(List.of(keys));
    }

    /** The fingerprint of {@code key} as MINA computes it: an independent check of the client's. */
    static String fingerprint(KeyPair key) {
        return KeyUtils.getFingerPrint(key.getPublic());
    }

    /** Adds one to the counter {@code name} and returns its value before. */
    int countUp(String name) {
        return counters.computeIfAbsent(name, n -> new AtomicInteger()).getAndIncrement();
    }

    /** The counter {@code name}: how often a fake command counted it. */
    int count(String name) {
        AtomicInteger c = counters.get(name);
        return c == null ? 0 : c.get();
    }

    /** Login attempts (password or key) seen so far. */
    int authAttempts() {
        return authAttempts.get();
    }

    /** Waits up to {@code timeout} for a server-side event such as {@code killed hang}. */
    boolean awaitEvent(String event, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); left > 0; left = end - System.nanoTime()) {
            String next = events.poll(left, TimeUnit.NANOSECONDS);
            if (event.equals(next)) {
                return true;
            }
        }
        return false;
    }

    /** Forgets the events seen so far. */
    void clearEvents() {
        events.clear();
    }

    /** Lets a running {@code wait-release} command finish. */
    void release() {
        release.countDown();
    }

    boolean awaitRelease() throws InterruptedException {
        CountDownLatch latch = release;
        boolean released = latch.await(10, TimeUnit.SECONDS);
        release = new CountDownLatch(1);
        return released;
    }

    void event(String event) {
        events.add(event);
    }

    /** A process id for {@code command}, as a shell's {@code $$}; its process group has the same id. */
    long register(FakeCommand command, String name) {
        long pid = pids.incrementAndGet();
        running.put(pid, command);
        names.put(pid, name);
        return pid;
    }

    void unregister(long pid) {
        running.remove(pid);
    }

    /** {@code kill -KILL -- -pgid}: ends the command of that group; false when there is none. */
    boolean killGroup(long pgid) {
        event("kill sent to " + names.get(pgid)); // the client knew the pid, whether the command still runs or not
        FakeCommand command = running.remove(pgid);
        if (command == null) {
            return false;
        }
        command.killGroup();
        return true;
    }

    void background(Runnable task) {
        commands.execute(task);
    }

    Path file(String remotePath) {
        return root.resolve(remotePath.replaceFirst("^/+", ""));
    }

    @Override
    public void close() throws IOException {
        try {
            server.stop(true);
        } finally {
            commands.shutdownNow();
        }
    }
}
