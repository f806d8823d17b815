package io.jenkins.plugins.nestedpve.sim.ssh;

import io.jenkins.plugins.nestedpve.sim.shell.HostKeys;
import io.jenkins.plugins.nestedpve.sim.shell.MachineFiles;
import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.SessionContext;

/**
 * Host keys read from the machine's {@code /etc/ssh/ssh_host_*_key} at every key exchange, so a
 * new connection after {@code ssh-keygen -A} presents the new key. Parsed keys are cached by file
 * content.
 */
final class VfsHostKeyProvider implements KeyPairProvider {
    private final VirtualFs fs;
    private final Map<String, KeyPair> parsed = new ConcurrentHashMap<>();

    VfsHostKeyProvider(VirtualFs fs) {
        this.fs = fs;
    }

    @Override
    public Iterable<KeyPair> loadKeys(SessionContext session) {
        List<KeyPair> pairs = new ArrayList<>();
        for (String type : MachineFiles.HOST_KEY_TYPES) {
            fs.read(MachineFiles.hostKey(type)).ifPresent(text -> {
                KeyPair pair = parsed.computeIfAbsent(
                        text, t -> HostKeys.parsePrivate(t).orElse(null));
                if (pair != null) {
                    pairs.add(pair);
                }
            });
        }
        return pairs;
    }
}
