package io.jenkins.plugins.nestedpve.sim.model;

import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import io.jenkins.plugins.nestedpve.sim.tls.PveCa;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;

/**
 * A fresh PVE installation, as the ISO installer leaves it: identity files, root password, APT
 * sources, hardware view, a new cluster CA, auth key and node certificate in its own {@code
 * /etc/pve}. SSH host keys are added by whoever owns the SSH tooling ({@code ssh-keygen -A}).
 */
public final class Installer {
    /**
     * What to install.
     *
     * @param hostname the node name
     * @param ip the address the installer configured
     * @param version the PVE release installed
     * @param rootPassword root's password (PAM)
     * @param hardware the hardware the installer saw
     * @param nested whether the kvm module nests (written to /sys when /dev/kvm exists)
     */
    public record Spec(
            String hostname, String ip, PveVersion version, String rootPassword, Hardware hardware, boolean nested) {
        @Override
        public String toString() {
            return "Installer.Spec[" + hostname + " " + ip + " " + version.version() + ", rootPassword=****]";
        }
    }

    private Installer() {}

    public static OsImage install(SimEnv env, Spec spec) {
        VirtualFs fs = new VirtualFs();
        io.jenkins.plugins.nestedpve.sim.shell.MachineFiles.seedLayout(fs);
        MachineFiles.installIdentity(fs, spec.hostname(), spec.ip(), env.random());
        io.jenkins.plugins.nestedpve.sim.shell.Shadow.setPassword(
                fs, "root", spec.rootPassword(), env.random(), env.clock());
        fs.write("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\n");
        MachineFiles.installRelease(fs, spec.version());
        MachineFiles.installNestingOption(fs, spec.hardware().vendor(), spec.nested());
        MachineFiles.installHardware(fs, spec.hardware());
        MachineFiles.writeKernel(fs, spec.version());
        Pmxcfs pmxcfs = newPmxcfs(env, spec.version());
        try {
            pmxcfs.putNodeCert(
                    spec.hostname(),
                    pmxcfs.ca()
                            .issue(
                                    spec.hostname(),
                                    MachineFiles.DOMAIN,
                                    InetAddress.getByName(spec.ip()),
                                    env.keys().next()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new OsImage(fs, pmxcfs, spec.version());
    }

    /** An empty /etc/pve with root@pam, a new CA and a new auth key. */
    static Pmxcfs newPmxcfs(SimEnv env, PveVersion version) {
        byte[] authKey = new byte[32];
        env.random().nextBytes(authKey);
        return new Pmxcfs(
                new UserDb(new Privileges(version.release())),
                PveCa.generate(env.keys(), env.clock()),
                authKey,
                new FileLocks(env.scheduler()));
    }
}
