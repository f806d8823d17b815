package io.jenkins.plugins.nestedpve.sim.http;

import io.jenkins.plugins.nestedpve.sim.model.Privileges;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Test-only user database: passwords and tokens in maps, a replaceable auth key. */
final class FakeAuth implements AuthBackend {
    static final String ROOT_PASSWORD = "S3cret-root-pw";
    static final String TOKEN_SECRET = "0b4d8f2e-1c3a-4e5f-9a7b-6c8d9e0f1a2b";

    private final Map<String, String> passwords = new ConcurrentHashMap<>(Map.of("root@pam", ROOT_PASSWORD));
    private final Map<String, String> tokens = new ConcurrentHashMap<>(Map.of("root@pam!ci", TOKEN_SECRET));
    private volatile byte[] authKey = "auth-key-1".getBytes(StandardCharsets.UTF_8);
    private volatile String clusterName;

    void rotateAuthKey(String key) {
        authKey = key.getBytes(StandardCharsets.UTF_8);
    }

    void clusterName(String name) {
        clusterName = name;
    }

    @Override
    public Optional<Principal> verifyToken(String userid, String tokenid, String secret) {
        String expected = tokens.get(userid + "!" + tokenid);
        return expected != null && expected.equals(secret)
                ? Optional.of(new Principal(userid, tokenid))
                : Optional.empty();
    }

    @Override
    public boolean verifyPassword(String userid, String password) {
        return password != null && password.equals(passwords.get(userid));
    }

    @Override
    public Set<String> privilegeNames() {
        return new Privileges("9.1").all();
    }

    @Override
    public byte[] authKey() {
        return authKey.clone();
    }

    @Override
    public String clusterName() {
        return clusterName;
    }

    /** Every principal the fake knows has every privilege. */
    @Override
    public boolean hasPrivilege(Principal who, String path, String privilege) {
        return true;
    }
}
