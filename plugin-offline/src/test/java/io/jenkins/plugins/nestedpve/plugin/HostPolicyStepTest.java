package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
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
        assertThat(lab.services.registry().live()).isEmpty();
    }

    private Throwable failureOf(NestedPveClusterStep step) throws Exception {
        ClusterFixture.Started s = lab.start(step, body -> null);
        Throwable failure = s.context().failure(WAIT);
        assertThat(lab.services.registry().find(s.execution().leaseId())).isEmpty();
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
        lab.store.add(new FakeCredentials.Text(
                        "pve-token", lab.secrets.secret(lab.sim.tokenId() + "=" + lab.sim.tokenSecret()))
                .scoped(CredentialsScope.SYSTEM));
        lab.store.add(new FakeCredentials.UserPassword(
                        "template-root", "root", lab.secrets.secret(lab.sim.guestRootPassword()))
                .scoped(CredentialsScope.SYSTEM));
        try {
            ClusterFixture.Started s = lab.start(lab.step(1), body -> "ran");

            assertThat(s.context().await(WAIT)).isEqualTo("ran");
            assertThat(s.log().text()).doesNotContain("not System-scoped");
            CredentialsLookup build = lab.store.visibleToBuilds();
            assertThat(build.find("pve-token", com.cloudbees.plugins.credentials.common.IdCredentials.class))
                    .isNull();
            assertThat(build.find("template-root", com.cloudbees.plugins.credentials.common.IdCredentials.class))
                    .isNull();
        } finally {
            lab.store.add(new FakeCredentials.Text(
                    "pve-token", lab.secrets.secret(lab.sim.tokenId() + "=" + lab.sim.tokenSecret())));
            lab.store.add(new FakeCredentials.UserPassword(
                    "template-root", "root", lab.secrets.secret(lab.sim.guestRootPassword())));
        }
    }

    @Test
    void globalScopedHostCredentialsStillWorkButTheBuildLogWarns() throws Exception {
        ClusterFixture.Started s = lab.start(lab.step(1), body -> "ran");

        assertThat(s.context().await(WAIT)).isEqualTo("ran");
        assertThat(s.log().text())
                .contains("Credentials 'pve-token' (of PVE host 'lab') are not System-scoped")
                .contains("withCredentials");
    }
}
