package io.jenkins.plugins.nestedpve.plugin;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.util.Secret;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** An in-memory credentials store with the three kinds the plugin uses; records every lookup. */
final class FakeCredentials implements CredentialsLookup {
    private final Map<String, IdCredentials> byId = new HashMap<>();
    final List<String> lookups = new ArrayList<>();

    FakeCredentials add(IdCredentials c) {
        byId.put(c.getId(), c);
        return this;
    }

    FakeCredentials remove(String id) {
        byId.remove(id);
        return this;
    }

    /**
     * What a build sees, e.g. {@code withCredentials}: the credentials plugin resolves through the run without
     * System-scoped credentials (credentials-plugin {@code SystemCredentialsProvider.ProviderImpl#getCredentialsInItem}).
     */
    CredentialsLookup visibleToBuilds() {
        return new CredentialsLookup() {
            @Override
            public <C extends IdCredentials> C find(String id, Class<C> type) {
                IdCredentials c = byId.get(id);
                return type.isInstance(c) && c.getScope() != CredentialsScope.SYSTEM ? type.cast(c) : null;
            }
        };
    }

    @Override
    public <C extends IdCredentials> C find(String id, Class<C> type) {
        lookups.add(id + ":" + type.getSimpleName());
        IdCredentials c = byId.get(id);
        return type.isInstance(c) ? type.cast(c) : null;
    }

    abstract static class Base implements IdCredentials {
        private static final long serialVersionUID = 1L;
        private final String id;
        private CredentialsScope scope = CredentialsScope.SYSTEM;

        Base(String id) {
            this.id = id;
        }

        /** This credential with another scope. */
        Base scoped(CredentialsScope s) {
            scope = s;
            return this;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public CredentialsScope getScope() {
            return scope;
        }

        public String getDescription() {
            return "test credential " + id;
        }
    }

    static final class Text extends Base implements StringCredentials {
        private static final long serialVersionUID = 1L;
        private final Secret secret;

        Text(String id, Secret secret) {
            super(id);
            this.secret = secret;
        }

        @Override
        public Secret getSecret() {
            return secret;
        }
    }

    static final class SshKey extends Base implements SSHUserPrivateKey {
        private static final long serialVersionUID = 1L;
        private final String username;
        private final List<String> keys;
        private final Secret passphrase;

        SshKey(String id, String username, List<String> keys, Secret passphrase) {
            super(id);
            this.username = username;
            this.keys = keys;
            this.passphrase = passphrase;
        }

        @Override
        public String getUsername() {
            return username;
        }

        @Override
        public List<String> getPrivateKeys() {
            return keys;
        }

        @Override
        public Secret getPassphrase() {
            return passphrase;
        }
    }

    static final class UserPassword extends Base implements StandardUsernamePasswordCredentials {
        private static final long serialVersionUID = 1L;
        private final String username;
        private final Secret password;

        UserPassword(String id, String username, Secret password) {
            super(id);
            this.username = username;
            this.password = password;
        }

        @Override
        public String getUsername() {
            return username;
        }

        @Override
        public Secret getPassword() {
            return password;
        }
    }
}
