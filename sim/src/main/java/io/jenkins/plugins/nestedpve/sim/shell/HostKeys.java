package io.jenkins.plugins.nestedpve.sim.shell;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * SSH keys in OpenSSH formats: generation ({@code ssh-keygen}), parsing of host keys from the
 * {@link VirtualFs} (the SSH server presents whatever is there at connection time) and SHA-256
 * fingerprints as OpenSSH prints them.
 */
public final class HostKeys {
    private HostKeys() {}

    /** A key type: its file-name part, display name and MINA/JCA algorithm. */
    public enum Type {
        RSA("rsa", "RSA"),
        ECDSA("ecdsa", "ECDSA"),
        ED25519("ed25519", "ED25519");

        private final String fileName;
        private final String display;

        Type(String fileName, String display) {
            this.fileName = fileName;
            this.display = display;
        }

        /** {@code rsa}, {@code ecdsa}, {@code ed25519}. */
        public String fileName() {
            return fileName;
        }

        /** {@code RSA}, {@code ECDSA}, {@code ED25519} as ssh-keygen prints it. */
        public String display() {
            return display;
        }

        /** The type named like {@code ssh-keygen -t} accepts it. */
        public static Optional<Type> named(String name) {
            for (Type t : values()) {
                if (t.fileName.equalsIgnoreCase(name)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    /** Generates a key pair ({@code rsaBits} applies to RSA; ECDSA is P-256, Ed25519 256 bits). */
    public static KeyPair generate(Type type, int rsaBits, Random random) {
        SecureRandom secure = random instanceof SecureRandom s ? s : new SecureRandom();
        try {
            KeyPairGenerator generator;
            switch (type) {
                case RSA -> {
                    generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(rsaBits, secure);
                }
                case ECDSA -> {
                    generator = KeyPairGenerator.getInstance("EC");
                    generator.initialize(256, secure);
                }
                default -> {
                    generator = SecurityUtils.getKeyPairGenerator(SecurityUtils.EDDSA);
                    generator.initialize(256, secure);
                }
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate " + type + " key: " + e.getMessage(), e);
        }
    }

    /**
     * RSA host keys of {@code ssh-keygen -A}: a few per key size, handed out round-robin. Generating
     * a 2048-bit RSA key costs the simulator's CPU a large share of a guest's first boot, and that
     * real CPU time, on a loaded machine, both outlasted command timeouts and stretched simulated
     * time; the ed25519 and ECDSA host keys stay fresh per machine (docs/simulator-fidelity.md).
     */
    private static final RsaPool RSA_HOST_KEYS = new RsaPool(4);

    /** A small pool of RSA key pairs per size. Thread-safe. */
    private static final class RsaPool {
        private final int size;
        private final java.util.Map<Integer, List<KeyPair>> pools = new java.util.HashMap<>();
        private final java.util.Map<Integer, Integer> next = new java.util.HashMap<>();

        RsaPool(int size) {
            this.size = size;
        }

        synchronized KeyPair next(int bits, Random random) {
            List<KeyPair> pool = pools.computeIfAbsent(bits, b -> new ArrayList<>());
            if (pool.size() < size) {
                KeyPair pair = generate(Type.RSA, bits, random);
                pool.add(pair);
                return pair;
            }
            int i = next.merge(bits, 1, (a, b) -> (a + b) % size);
            return pool.get(i);
        }
    }

    /** The private key in OpenSSH format ({@code -----BEGIN OPENSSH PRIVATE KEY-----}), unencrypted. */
    public static String privateKeyText(KeyPair pair, String comment) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, comment, null, out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode private key: " + e.getMessage(), e);
        }
    }

    /** The {@code .pub} line: {@code ssh-ed25519 AAAA... comment}. */
    public static String publicKeyLine(PublicKey key, String comment) {
        return PublicKeyEntry.toString(key) + (comment == null || comment.isEmpty() ? "" : " " + comment);
    }

    /** Parses an OpenSSH (or PEM) private key file's text; empty if it is not one. */
    public static Optional<KeyPair> parsePrivate(String text) {
        try {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(
                    null, () -> "host key", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
            if (pairs != null) {
                for (KeyPair pair : pairs) {
                    return Optional.of(pair);
                }
            }
            return Optional.empty();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Parses one {@code authorized_keys}/{@code .pub} line; empty if it is not a key. */
    public static Optional<PublicKey> parsePublic(String line) {
        try {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                return Optional.empty();
            }
            return Optional.ofNullable(PublicKeyEntry.parsePublicKeyEntry(trimmed)
                    .resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.FAILING));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code SHA256:base64} as OpenSSH prints fingerprints. */
    public static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(key);
    }

    /** Key size as ssh-keygen prints it (256 for Ed25519). */
    public static int bits(PublicKey key) {
        int size = KeyUtils.getKeySize(key);
        return size > 0 ? size : 256;
    }

    /** The ssh-keygen display type ({@code RSA}, {@code ECDSA}, {@code ED25519}). */
    public static String displayType(PublicKey key) {
        String type = KeyUtils.getKeyType(key);
        if (type == null) {
            return "UNKNOWN";
        }
        return type.contains("ed25519") ? "ED25519" : type.startsWith("ecdsa") ? "ECDSA" : "RSA";
    }

    /** The host key pairs currently in {@code /etc/ssh}, in the order ed25519, ecdsa, rsa. */
    public static List<KeyPair> load(VirtualFs fs) {
        List<KeyPair> pairs = new ArrayList<>();
        for (String type : MachineFiles.HOST_KEY_TYPES) {
            fs.read(MachineFiles.hostKey(type)).flatMap(HostKeys::parsePrivate).ifPresent(pairs::add);
        }
        return pairs;
    }

    /** Fingerprints of the current host keys by type name ({@code ed25519 -> SHA256:...}). */
    public static Map<String, String> fingerprints(VirtualFs fs) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String type : MachineFiles.HOST_KEY_TYPES) {
            fs.read(MachineFiles.hostKey(type))
                    .flatMap(HostKeys::parsePrivate)
                    .ifPresent(pair -> result.put(type, fingerprint(pair.getPublic())));
        }
        return result;
    }

    /**
     * Generates the host keys that are missing, as {@code ssh-keygen -A} does (order RSA, ECDSA,
     * Ed25519); returns the types generated.
     */
    public static List<Type> generateMissing(VirtualFs fs, String comment, int rsaBits, Random random) {
        List<Type> generated = new ArrayList<>();
        for (Type type : Type.values()) {
            String path = MachineFiles.hostKey(type.fileName());
            if (fs.isFile(path) && fs.isFile(path + ".pub")) {
                continue;
            }
            KeyPair pair = type == Type.RSA ? RSA_HOST_KEYS.next(rsaBits, random) : generate(type, rsaBits, random);
            fs.write(path, privateKeyText(pair, comment));
            fs.write(path + ".pub", publicKeyLine(pair.getPublic(), comment) + "\n");
            generated.add(type);
        }
        return generated;
    }
}
