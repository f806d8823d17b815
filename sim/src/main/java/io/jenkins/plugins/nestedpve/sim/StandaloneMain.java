package io.jenkins.plugins.nestedpve.sim;

import java.io.PrintStream;
import java.util.List;

/**
 * The standalone simulator's start-up: options, start, and the lines a user needs to point a client
 * at it. {@link Simulator#main} adds waiting for Ctrl-C.
 */
final class StandaloneMain {
    private StandaloneMain() {}

    /**
     * Starts a simulator from command-line options: {@code --scale <f>} (default 0.01), {@code
     * --vendor intel|amd}, {@code --no-nesting}, {@code --api-port <p>}, {@code --ssh-port <p>}, and any
     * number of {@code --fault NAME[@NODE][=VALUE]} (upgrade-trial faults, see {@link UpgradeFaults}).
     */
    static Simulator start(String[] args, PrintStream out) {
        List<String> a = List.of(args);
        Simulator.Builder b = Simulator.builder()
                .latencyScale(Double.parseDouble(option(a, "--scale", "0.01")))
                .cpuVendor(CpuVendor.valueOf(option(a, "--vendor", "intel").toUpperCase(java.util.Locale.ROOT)))
                .hostNesting(!a.contains("--no-nesting"))
                .apiPort(Integer.parseInt(option(a, "--api-port", "8006")))
                .sshPort(Integer.parseInt(option(a, "--ssh-port", "2222")))
                .template(TemplateSpec.pve84());
        FaultPlan faults = FaultPlan.none();
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).equals("--fault")) {
                if (i + 1 >= a.size()) {
                    throw new IllegalArgumentException(
                            "--fault needs NAME[@NODE][=VALUE], one of " + UpgradeFaults.NAMES);
                }
                faults.upgrade().apply(a.get(++i));
            }
        }
        b.faults(faults);
        Simulator sim = b.start();
        out.println("Simulated PVE host '" + sim.hostNode() + "' is up.");
        out.println("API URL:             " + sim.apiUrl());
        out.println("TLS fingerprint:     " + sim.fingerprint());
        out.println("API token:           " + sim.tokenId() + "=" + sim.tokenSecret());
        out.println("Host root password:  " + sim.hostRootPassword());
        out.println("Host SSH:            root@" + sim.hostAddress() + " -p " + sim.hostSshPort());
        out.println("Guest template:      " + sim.template().vmid() + " "
                + sim.template().name() + " (PVE " + sim.template().release() + ")");
        out.println("Guest root password: " + sim.guestRootPassword());
        out.println("Static guest IPs:    " + sim.staticAddresses().get(0) + " - "
                + sim.staticAddresses().get(sim.staticAddresses().size() - 1));
        out.println("Press Ctrl-C to stop.");
        out.flush();
        return sim;
    }

    private static String option(List<String> a, String name, String dflt) {
        int i = a.indexOf(name);
        return i >= 0 && i + 1 < a.size() ? a.get(i + 1) : dflt;
    }
}
