package io.jenkins.plugins.nestedpve.sim.pve;

import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.shell.Command;
import java.util.LinkedHashMap;
import java.util.Map;

/** The PVE command-line tools of one machine, for its shell. */
public final class PvePrograms {
    private PvePrograms() {}

    /** {@code pvecm}, {@code pveversion}, {@code qm}, {@code pve8to9}, {@code apt-get}, {@code apt}, {@code dpkg} bound to {@code machine}, and {@code openssl x509}. */
    public static Map<String, Command> forMachine(PveMachine machine) {
        Map<String, Command> m = new LinkedHashMap<>();
        m.put("pvecm", new Pvecm(machine));
        m.put("pveversion", new Pveversion(machine));
        m.put("qm", new Qm(machine));
        m.put("pve8to9", new Pve8to9(machine));
        m.put("pct", new Pct(machine));
        m.put("openssl", new Openssl());
        m.put("apt-get", new io.jenkins.plugins.nestedpve.sim.apt.AptGet(machine, false));
        m.put("apt", new io.jenkins.plugins.nestedpve.sim.apt.AptGet(machine, true));
        m.put("dpkg", new io.jenkins.plugins.nestedpve.sim.apt.Dpkg(machine));
        return m;
    }
}
