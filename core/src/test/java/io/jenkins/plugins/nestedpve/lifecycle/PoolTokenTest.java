package io.jenkins.plugins.nestedpve.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.cluster.Secret;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.provision.ProvisioningException;
import io.jenkins.plugins.nestedpve.sim.model.UserDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A token whose VM privileges are granted on a resource pool only (docs/host-preparation.md, "A token limited to
 * a pool"): the guests are cloned into the pool when the spec names it, and the privilege check names what is
 * missing when it does not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoolTokenTest {
    private static final String POOL = "nested-ci";
    private static final String TOKEN_ID = "pool@pve!nested";

    private SimLab lab;
    private HostCredentials poolToken;

    @BeforeAll
    void start() {
        lab = new SimLab(SimLab.simulator(0.002).start());
        UserDb users = lab.sim.host().pmxcfs().users();
        users.addPool(POOL);
        users.addVmToPool(lab.sim.template().vmid(), POOL);
        users.addUser("pool@pve");
        String secret = users.addToken("pool@pve", "nested", true, 0, "pool-limited");
        for (String who : new String[] {"pool@pve", TOKEN_ID}) {
            users.grant("/pool/" + POOL, who, "PVEVMAdmin", true);
            users.grant("/storage", who, "PVEDatastoreUser", true);
            users.grant("/sdn/zones/localnetwork", who, "PVESDNUser", true);
            users.grant("/nodes/" + lab.sim.hostNode(), who, "PVEAuditor", true);
        }
        poolToken = HostCredentials.apiToken(TOKEN_ID, Secret.of(secret)).build();
    }

    @AfterAll
    void stop() {
        lab.close();
    }

    @AfterEach
    void nothingIsLeft() {
        assertThat(lab.guestVms()).isEmpty();
    }

    @Test
    void aPoolLimitedTokenProvisionsIntoThePoolAndTearsDown() {
        NestedCluster cluster =
                lab.engine.provision(lab.spec(1).pool(POOL).build(), poolToken, null, ProgressListener.NOOP);

        int vmid = cluster.nodes().get(0).vmid();
        assertThat(lab.sim.host().pmxcfs().users().poolOf(vmid)).contains(POOL);
        assertThat(lab.engine
                        .teardown(cluster, poolToken, ProgressListener.NOOP)
                        .ok())
                .isTrue();
        assertThat(lab.sim.host().pmxcfs().users().poolOf(vmid)).isEmpty();
    }

    @Test
    void withoutThePoolSettingValidationNamesTheMissingPrivilegeAndCreatesNothing() {
        lab.sim.requestLog().clear();
        ProvisioningException e = catchThrowableOfType(
                ProvisioningException.class,
                () -> lab.engine.provision(lab.spec(1).build(), poolToken, null, ProgressListener.NOOP));

        assertThat(e).isNotNull();
        assertThat(e.getMessage())
                .contains("missing VM.Allocate")
                .contains("/vms/80000")
                .contains("PVEVMAdmin on /vms");
        assertThat(lab.sim.requestLog().entries()).noneMatch(r -> r.path().endsWith("/clone"));
    }
}
