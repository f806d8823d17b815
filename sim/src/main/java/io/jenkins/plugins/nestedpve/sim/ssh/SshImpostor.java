package io.jenkins.plugins.nestedpve.sim.ssh;

import java.io.IOException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSession;

/**
 * A machine that answers SSH on a guest's address in the guest's place, as a co-tenant on the same
 * bridge can by answering ARP or DHCP for it. It presents host keys of its own choosing (by default
 * the template's, which every clone of the template holds before it gets its own), and records every
 * connection and every login attempt with what was sent: a password in clear, or the public key
 * offered. It refuses every login. Thread-safe; {@code toString} shows counts, never a password.
 */
public final class SshImpostor {
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> attempts = new CopyOnWriteArrayList<>();
    private final List<String> passwords = new CopyOnWriteArrayList<>();

    /** Key exchanges begun with the impostor (each connection a client opened to it). */
    public int connections() {
        return connections.get();
    }

    /** Every login attempt, e.g. {@code password root} or {@code publickey root SHA256:…}. */
    public List<String> authAttempts() {
        return List.copyOf(attempts);
    }

    /** The passwords clients sent to the impostor, in clear (what a real impostor would collect). */
    public List<String> passwordsReceived() {
        return List.copyOf(passwords);
    }

    /**
     * Serves SSH on {@code host:port} with {@code hostKeys} until closed.
     *
     * @throws IOException when the address cannot be bound
     */
    public SshServer serve(String host, int port, List<KeyPair> hostKeys) throws IOException {
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost(host);
        sshd.setPort(port);
        sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKeys));
        sshd.setPasswordAuthenticator(this::password);
        sshd.setPublickeyAuthenticator(this::publicKey);
        sshd.setKeyboardInteractiveAuthenticator(null);
        sshd.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                connections.incrementAndGet();
            }
        });
        sshd.start();
        return sshd;
    }

    private boolean password(String user, String password, ServerSession session) {
        attempts.add("password " + user);
        passwords.add(password);
        return false;
    }

    private boolean publicKey(String user, PublicKey key, ServerSession session) {
        attempts.add("publickey " + user + " " + KeyUtils.getFingerPrint(key));
        return false;
    }

    @Override
    public String toString() {
        return "SshImpostor[" + connections() + " connections, " + attempts.size() + " login attempts]";
    }
}
