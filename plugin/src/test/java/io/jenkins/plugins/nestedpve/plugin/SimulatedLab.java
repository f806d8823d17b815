package io.jenkins.plugins.nestedpve.plugin;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.util.Secret;
import io.jenkins.plugins.nestedpve.sim.Simulator;
import io.jenkins.plugins.nestedpve.sim.model.SimVm;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;

/** A simulated PVE host configured in a test Jenkins as host {@code lab}, with its credentials. */
final class SimulatedLab implements AutoCloseable {
    final Simulator sim =
            Simulator.builder().latencyScale(0.002).vmidRange(80000, 80999).start();

    /** Adds the credentials and the host {@code lab} to the running Jenkins. */
    void configure() throws Exception {
        SystemCredentialsProvider.getInstance()
                .getCredentials()
                .add(new StringCredentialsImpl(
                        CredentialsScope.SYSTEM,
                        "pve-token",
                        "simulated host",
                        Secret.fromString(sim.tokenId() + "=" + sim.tokenSecret())));
        SystemCredentialsProvider.getInstance().save();
        PveHostConfig host = new PveHostConfig("lab");
        host.setApiUrl(sim.apiUrl());
        host.setNode(sim.hostNode());
        host.setFingerprint(sim.fingerprint());
        host.setTokenCredentialsId("pve-token");
        host.setTemplate(Integer.toString(sim.template().vmid()));
        host.setVmidRangeStart(80000);
        host.setVmidRangeEnd(80999);
        host.setGuestSshPort(sim.guestSshPort());
        host.setGuestApiPort(sim.apiPort());
        NestedPveGlobalConfiguration.get().setHosts(List.of(host));
    }

    /** The VMs on the host other than templates. */
    List<SimVm> guests() {
        return sim.vms().stream().filter(v -> !v.isTemplate()).toList();
    }

    @Override
    public void close() {
        sim.close();
    }
}
