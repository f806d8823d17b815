package io.jenkins.plugins.nestedpve.sim.ssh;

import io.jenkins.plugins.nestedpve.sim.shell.HostKeys;
import io.jenkins.plugins.nestedpve.sim.shell.Shadow;
import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;

/**
 * Authentication against the machine's files, read at each attempt: passwords against {@code
 * /etc/shadow} ({@link Shadow#verify}), keys against {@code ~/.ssh/authorized_keys} and {@code
 * ~/.ssh/authorized_keys2} (OpenSSH's default {@code AuthorizedKeysFile}).
 */
final class VfsAuthenticator implements PasswordAuthenticator, PublickeyAuthenticator {
    private final VirtualFs fs;

    VfsAuthenticator(VirtualFs fs) {
        this.fs = fs;
    }

    @Override
    public boolean authenticate(String username, String password, ServerSession session) {
        return Shadow.verify(fs, username, password);
    }

    @Override
    public boolean authenticate(String username, PublicKey key, ServerSession session) {
        String home = username.equals("root") ? "/root" : "/home/" + username;
        for (String file : List.of(home + "/.ssh/authorized_keys", home + "/.ssh/authorized_keys2")) {
            for (String line : fs.read(file).orElse("").split("\n")) {
                Optional<PublicKey> allowed = parse(line);
                if (allowed.isPresent() && KeyUtils.compareKeys(allowed.get(), key)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A key line, with or without leading options ({@code from="..."}, {@code command="..."}). */
    private static Optional<PublicKey> parse(String line) {
        Optional<PublicKey> plain = HostKeys.parsePublic(line);
        if (plain.isPresent() || line.isBlank() || line.trim().startsWith("#")) {
            return plain;
        }
        try {
            AuthorizedKeyEntry entry = AuthorizedKeyEntry.parseAuthorizedKeyEntry(line.trim());
            return Optional.ofNullable(
                    entry == null ? null : entry.resolvePublicKey(null, PublicKeyEntryResolver.IGNORING));
        } catch (java.io.IOException | java.security.GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
