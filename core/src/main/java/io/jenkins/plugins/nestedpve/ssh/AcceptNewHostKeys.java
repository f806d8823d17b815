package io.jenkins.plugins.nestedpve.ssh;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** {@link HostKeyPolicy#acceptNewAndLog}: trust on first use, then insist on the same key. */
final class AcceptNewHostKeys implements HostKeyPolicy {
    private final KnownKeys store;
    private final Consumer<String> log;

    AcceptNewHostKeys(KnownKeys store, Consumer<String> log) {
        this.store = Objects.requireNonNull(store, "store");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public String name() {
        return "accept-new";
    }

    @Override
    public void verify(String host, int port, HostKeyFingerprint presented) {
        String hostPort = new SshTarget(host, port, "any").hostPort();
        HostKeyFingerprint known = store.learnIfAbsent(host, port, presented);
        if (known == null) {
            log.accept("accepted new host key " + presented.sha256() + " for " + hostPort + " (policy accept-new)");
            return;
        }
        if (known.sha256().equals(presented.sha256())) {
            return;
        }
        throw new HostKeyRejectedException(
                hostPort,
                name(),
                List.of(known.sha256()),
                presented,
                "host key of " + hostPort + " changed: expected " + known.sha256() + " (" + known.keyType()
                        + ", known from an earlier connection), got " + presented.sha256() + " ("
                        + presented.keyType() + ") (policy accept-new refuses changed keys)."
                        + " If the machine's host keys were regenerated on purpose, forget the old key"
                        + " (KnownKeys.forget) and connect again; otherwise another machine may answer on "
                        + hostPort);
    }

    @Override
    public List<String> preferredAlgorithms(String host, int port) {
        return store.get(host, port).map(HostKeyFingerprint::algorithms).orElse(List.of());
    }

    @Override
    public String toString() {
        return "HostKeyPolicy[accept-new, " + store + "]";
    }
}
