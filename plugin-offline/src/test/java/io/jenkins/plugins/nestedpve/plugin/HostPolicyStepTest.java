package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.AbortException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The administrator's per-host limits hold against a step: a value outside them fails before anything is
 * created; the host's credentials are resolved as the system, so they can be System-scoped and stay out of every
 * build's reach.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostPolicyStepTest {
    private static final int WAIT = ClusterFixture.WAIT_SECONDS;
    private ClusterFixture lab;

    @BeforeAll
    void start(@TempDir Path home) {
        lab = new ClusterFixture(home);
    }

    @AfterAll
    void stop() {
        lab.close();
    }

    @AfterEach
    void resetLimitsAndCheckNothingWasLeft() {
        lab.host.setAllowedJobs(null);
        lab.host.setAllowedBridges(null);
        lab.host.setMaxMemoryMiB(0);
        lab.host.setMaxKeepOnFailure(null);
        assertThat(lab.guests()).isEmpty();
        assertThat(lab.services.leases().live()).isEmpty();
    }

    private Throwable failureOf(NestedPveClusterStep step) throws Exception {
        ClusterFixture.Started s = lab.start(step, body -> null);
        Throwable failure = s.context().failure(WAIT);
        assertThat(lab.services.leases().find(s.execution().leaseId())).isEmpty();
        return failure;
    }

    @Test
    void aStepOverridingTheBridgeOutsideTheAllowListFailsBeforeAnythingIsCreated() throws Exception {
        lab.host.setAllowedBridges("vmbr0 vmbr1");
        NestedPveClusterStep step = lab.step(1);
        step.setBridge("vmbr9");

        assertThat(failureOf(step))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("bridge: 'vmbr9' is not among the host's allowed bridges [vmbr0, vmbr1]")
                .hasMessageContaining("host 'lab'");
    }

    @Test
    void aStepNamingTheHostsOwnDefaultBridgeIsAlwaysAllowed() throws Exception {
        lab.host.setAllowedBridges("vmbr1");
        lab.host.setMaxMemoryMiB(1024); // fails on memory only, before anything is created
        NestedPveClusterStep step = lab.step(1);
        step.setBridge(lab.host.getBridge());

        assertThat(failureOf(step)).hasMessageContaining("memoryMiB").hasMessageNotContaining("bridge:");
    }

    @Test
    void aStepAskingToEnableNestingFailsWhenThatIsNotTheHostsPolicy() throws Exception {
        NestedPveClusterStep step = lab.step(1);
        step.setNesting("enable");

        assertThat(failureOf(step))
                .hasMessageContaining("nesting: 'enable'")
                .hasMessageContaining("Default nesting policy");
    }

    @Test
    void memoryAboveTheHostsCapFailsBeforeAnythingIsCreated() throws Exception {
        lab.host.setMaxMemoryMiB(1024);

        assertThat(failureOf(lab.step(1))).hasMessageContaining("memoryMiB: 2048 is above the host's maximum");
    }

    @Test
    void keepOnFailureLongerThanTheHostAllowsFails() throws Exception {
        lab.host.setMaxKeepOnFailure("1h");
        NestedPveClusterStep step = lab.step(1);
        step.setKeepOnFailure("1d");

        assertThat(failureOf(step)).hasMessageContaining("keepOnFailure: ").hasMessageContaining("1h");
    }

    @Test
    void aJobOutsideTheHostsAllowedJobsFailsBeforeAnyCredentialIsRead() throws Exception {
        lab.host.setAllowedJobs("infra/pve-tests, release");
        lab.store.lookups.clear();

        assertThat(failureOf(lab.step(1)))
                .hasMessageContaining("may not use PVE host 'lab'")
                .hasMessageContaining("infra/pve-tests, release");
        assertThat(lab.store.lookups).isEmpty();
    }

    @Test
    void systemScopedHostCredentialsWorkAndNoBuildCanSeeThem() throws Exception {
        ClusterFixture.Started s = lab.start(lab.step(1), body -> "ran");

        assertThat(s.context().await(WAIT)).isEqualTo("ran");
        assertThat(lab.store.visibleToBuilds().find("pve-token", IdCredentials.class))
                .isNull();
    }

    @Test
    void aGlobalScopedTokenIsRefusedBeforeAnyClone() throws Exception {
        lab.store.add(new FakeCredentials.Text(
                        "pve-token", lab.secrets.secret(lab.sim.tokenId() + "=" + lab.sim.tokenSecret()))
                .scoped(CredentialsScope.GLOBAL));
        lab.sim.requestLog().clear();
        try {
            assertThat(failureOf(lab.step(1)))
                    .isInstanceOf(AbortException.class)
                    .hasMessageContaining("Credentials 'pve-token' (the API token of PVE host 'lab') are Global-scoped")
                    .hasMessageContaining("change its scope to System (Jenkins only)")
                    .hasMessageNotContaining(lab.sim.tokenSecret());
            assertThat(lab.sim.requestLog().entries()).isEmpty();
        } finally {
            lab.store.add(new FakeCredentials.Text(
                    "pve-token", lab.secrets.secret(lab.sim.tokenId() + "=" + lab.sim.tokenSecret())));
        }
    }

    @Test
    void aGlobalScopedHostSshKeyIsRefusedBeforeAnyClone() throws Exception {
        lab.store.add(
                new FakeCredentials.SshKey("host-ssh", "root", java.util.List.of(CredentialsResolverTest.KEY), null)
                        .scoped(CredentialsScope.GLOBAL));
        lab.host.setSshCredentialsId("host-ssh");
        lab.host.setSshHostKeyFingerprint(lab.sim.hostSshFingerprint());
        lab.sim.requestLog().clear();
        try {
            assertThat(failureOf(lab.step(1)))
                    .hasMessageContaining("Credentials 'host-ssh' (SSH to PVE host 'lab') are Global-scoped")
                    .hasMessageContaining("change its scope to System (Jenkins only)");
            assertThat(lab.sim.requestLog().entries()).isEmpty();
        } finally {
            lab.host.setSshCredentialsId(null);
            lab.host.setSshHostKeyFingerprint(null);
        }
    }

    @Test
    void aTemplatePasswordStillConfiguredIsNotLookedUpAndTheLogWarnsOnce() throws Exception {
        lab.host.setGuestRootPasswordCredentialsId("template-root");
        lab.store.lookups.clear();
        try {
            ClusterFixture.Started s = lab.start(lab.step(1), body -> "ran");

            assertThat(s.context().await(WAIT)).isEqualTo("ran");
            assertThat(lab.store.lookups).noneMatch(l -> l.startsWith("template-root:"));
            assertThat(s.log().text().split("still names credentials 'template-root'", -1))
                    .hasSize(2);
            assertThat(s.log().text()).contains("no longer used");
        } finally {
            lab.host.setGuestRootPasswordCredentialsId(null);
        }
    }
}
