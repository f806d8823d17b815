package io.jenkins.plugins.nestedpve.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Label;
import hudson.model.Result;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The steps in real pipelines against the simulated PVE host. */
@WithJenkins
class ClusterStepJenkinsTest {
    private JenkinsRule j;
    private SimulatedLab lab;

    @BeforeEach
    void setUp(JenkinsRule j) throws Exception {
        this.j = j;
        lab = new SimulatedLab();
        lab.configure();
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    private WorkflowJob job(String script) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(script, true));
        return p;
    }

    @Test
    void aPipelineGetsAClusterRunsOnItAndLeavesNothing() throws Exception {
        WorkflowJob p = job("nestedPveCluster(host: 'lab', nodes: 1, smokeCheck: false) {\n"
                + "  echo \"nodes: ${env.NESTED_PVE_NODES} nesting: ${env.NESTED_PVE_NESTING}\"\n"
                + "  nestedPveSh script: 'echo guest says hello'\n"
                + "  def out = nestedPveSh script: 'hostname', returnStdout: true\n"
                + "  echo \"hostname: ${out.trim()}\"\n"
                + "}\n");

        WorkflowRun b = j.buildAndAssertSuccess(p);

        j.assertLogContains("nesting: hardware", b);
        j.assertLogContains("guest says hello", b);
        j.assertLogContains("teardown: 1 destroyed", b);
        assertTrue(lab.guests().isEmpty());
        assertTrue(NestedPveLeases.get().leases().live().isEmpty());
        assertEquals(1, b.getActions(NestedPveClusterAction.class).size());
    }

    @Test
    void theRootPasswordIsMaskedInTheBuildLog() throws Exception {
        WorkflowJob p = job("nestedPveCluster(host: 'lab', nodes: 1, smokeCheck: false) {\n"
                + "  echo \"length ${env.NESTED_PVE_ROOT_PASSWORD.length()}\"\n"
                + "  echo \"pw=${env.NESTED_PVE_ROOT_PASSWORD}.\"\n"
                + "}\n");

        WorkflowRun b = j.buildAndAssertSuccess(p);

        j.assertLogContains("length 24", b);
        j.assertLogContains("pw=****.", b);
    }

    @Test
    void theRootPasswordIsMaskedInTheOutputOfAShellStepOnAnAgent() throws Exception {
        j.createOnlineSlave(Label.get("remote"));
        WorkflowJob p = job("node('remote') {\n"
                + "  nestedPveCluster(host: 'lab', nodes: 1, smokeCheck: false) {\n"
                + "    sh 'echo \"pw=$NESTED_PVE_ROOT_PASSWORD.\"'\n"
                + "  }\n"
                + "}\n");

        WorkflowRun b = j.buildAndAssertSuccess(p);

        j.assertLogContains("pw=****.", b);
        assertTrue(lab.guests().isEmpty());
    }

    @Test
    void aFailingBodyFailsTheBuildAndTheClusterIsStillDestroyed() throws Exception {
        WorkflowJob p = job("nestedPveCluster(host: 'lab', nodes: 1, smokeCheck: false) {\n"
                + "  error 'the tests failed'\n"
                + "}\n");

        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);

        j.assertLogContains("the tests failed", b);
        j.assertLogContains("teardown: 1 destroyed", b);
        assertTrue(lab.guests().isEmpty());
    }

    @Test
    void abortingTheBodyTearsTheClusterDown() throws Exception {
        WorkflowJob p = job("nestedPveCluster(host: 'lab', nodes: 1, smokeCheck: false) {\n"
                + "  echo 'body started'\n"
                + "  sleep 600\n"
                + "}\n");
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("body started", b);

        b.doStop();

        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        assertTrue(lab.guests().isEmpty());
        assertTrue(NestedPveLeases.get().leases().live().isEmpty());
    }

    @Test
    void nestedPveShOutsideTheBlockSaysWhatIsMissing() throws Exception {
        WorkflowJob p = job("nestedPveSh script: 'true'\n");

        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);

        j.assertLogContains("nestedPveCluster", b);
        assertFalse(b.getLog().contains("NullPointerException"));
    }

    @Test
    void anUnknownHostFailsWithTheConfiguredHostsNamed() throws Exception {
        WorkflowJob p = job("nestedPveCluster(host: 'elsewhere') { echo 'never' }\n");

        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);

        j.assertLogContains("No PVE host 'elsewhere' is configured (configured: lab)", b);
        j.assertLogNotContains("never", b);
    }
}
