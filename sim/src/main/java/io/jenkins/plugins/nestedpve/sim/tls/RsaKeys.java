package io.jenkins.plugins.nestedpve.sim.tls;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands out RSA-2048 key pairs from one shared generator.
 *
 * <p>Real PVE uses RSA-4096 for the cluster CA (pve-cluster:src/PVE/Cluster/Setup.pm {@code
 * gen_pveca_key}); the simulator uses 2048 bits for every key because key generation dominates the
 * cost of starting simulated nodes and the key size is invisible to fingerprint pinning.
 *
 * <p>A pooled source hands out at most {@code size} distinct keys and then reuses them round-robin:
 * certificates issued with a reused key still differ (serial number, validity, issuer), so their
 * fingerprints differ too.
 */
public final class RsaKeys {
    /** Bits of every generated key (PVE: 2048 for node keys, 4096 for the CA). */
    public static final int BITS = 2048;

    private final KeyPairGenerator generator;
    private final int poolSize;
    private final List<KeyPair> pool = new ArrayList<>();
    private int next;

    private RsaKeys(int poolSize) {
        try {
            this.generator = KeyPairGenerator.getInstance("RSA");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK offers no RSA key generator", e);
        }
        generator.initialize(BITS);
        this.poolSize = poolSize;
    }

    /** A source that generates a new key pair on every call. */
    public static RsaKeys fresh() {
        return new RsaKeys(0);
    }

    /**
     * A source that generates at most {@code size} key pairs and then hands them out again
     * round-robin; for tests and large simulated labs where key generation would dominate.
     */
    public static RsaKeys pooled(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, got " + size);
        }
        return new RsaKeys(size);
    }

    /** The next key pair. Thread-safe. */
    public synchronized KeyPair next() {
        if (poolSize == 0) {
            return generator.generateKeyPair();
        }
        if (pool.size() < poolSize) {
            KeyPair kp = generator.generateKeyPair();
            pool.add(kp);
            return kp;
        }
        KeyPair kp = pool.get(next);
        next = (next + 1) % poolSize;
        return kp;
    }

    @Override
    public String toString() {
        return poolSize == 0 ? "RsaKeys[fresh]" : "RsaKeys[pooled " + poolSize + "]";
    }
}
