package io.jenkins.plugins.nestedpve.ssh;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** Throwaway key pairs for tests, made in memory (no ssh-keygen needed for the in-process server). */
final class TestKeys {
    private TestKeys() {}

    static KeyPair ec256() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(new ECGenParameterSpec("secp256r1"));
            return gen.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException("EC P-256 is in every Java runtime", e);
        }
    }

    static KeyPair rsa2048() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            return gen.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is in every Java runtime", e);
        }
    }

    /** The private key as PKCS#8 PEM text, the form a credential store hands over. */
    static String pkcs8Pem(KeyPair pair) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(pair.getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }
}
