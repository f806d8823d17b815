package io.jenkins.plugins.nestedpve.ssh;

import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

/**
 * Adapts a {@link HostKeyPolicy} to sshj for one connection and remembers the outcome, so that a
 * rejection surfaces as {@link HostKeyRejectedException} instead of sshj's generic transport error.
 */
final class PolicyHostKeyVerifier implements HostKeyVerifier {
    private final SshTarget target;
    private final HostKeyPolicy policy;
    private volatile HostKeyRejectedException rejection;
    private volatile HostKeyFingerprint accepted;

    PolicyHostKeyVerifier(SshTarget target, HostKeyPolicy policy) {
        this.target = target;
        this.policy = policy;
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        HostKeyFingerprint presented = HostKeyFingerprint.of(key);
        try {
            policy.verify(target.host(), target.port(), presented);
            accepted = presented;
            return true;
        } catch (HostKeyRejectedException e) {
            rejection = e;
            return false;
        }
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        return policy.preferredAlgorithms(target.host(), target.port());
    }

    Optional<HostKeyRejectedException> rejection() {
        return Optional.ofNullable(rejection);
    }

    Optional<HostKeyFingerprint> accepted() {
        return Optional.ofNullable(accepted);
    }

    @Override
    public String toString() {
        return "PolicyHostKeyVerifier[" + policy.name() + " for " + target.hostPort() + "]";
    }
}
