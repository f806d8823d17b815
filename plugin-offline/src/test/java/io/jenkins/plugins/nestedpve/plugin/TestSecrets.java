package io.jenkins.plugins.nestedpve.plugin;

import hudson.util.Secret;
import java.lang.reflect.Constructor;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Secrets for offline tests: distinct {@link Secret} objects (made through the stub's private constructor, as
 * {@code Secret.fromString} needs a running Jenkins) and a {@link SecretReader} that knows their plain text.
 */
final class TestSecrets implements SecretReader {
    private final Map<Secret, String> plain = new IdentityHashMap<>();

    synchronized Secret secret(String plainText) {
        try {
            Constructor<Secret> c = Secret.class.getDeclaredConstructor();
            c.setAccessible(true);
            Secret s = c.newInstance();
            plain.put(s, plainText);
            return s;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a test Secret", e);
        }
    }

    @Override
    public synchronized String reveal(Secret secret) {
        return secret == null ? null : plain.get(secret);
    }
}
