package io.jenkins.plugins.nestedpve.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** A controller restart while the block runs: the body resumes and the cluster is torn down when it ends. */
class ClusterStepRestartJenkinsTest {
    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private final SimulatedLab lab = new SimulatedLab();

    @AfterEach
    void tearDown() {
        lab.close();
    }

    @Test
    void theBodyResumesAfterARestartAndTheClusterIsTornDownAtItsEnd() throws Throwable {
        sessions.then(j -> {
            lab.configure();
            WorkflowJob p = j.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition(
                    "nestedPveCluster(host: 'lab', nodes: 1, smokeCheck: false) {\n"
                            + "  echo 'body started'\n"
                            + "  sleep 20\n"
                            + "  nestedPveSh script: 'true'\n"
                            + "}\n",
                    true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            j.waitForMessage("body started", b);
            assertEquals(1, lab.guests().size());
        });
        sessions.then(j -> {
            WorkflowRun b = j.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
            j.assertBuildStatus(Result.FAILURE, j.waitForCompletion(b));
            // the password lived only in the old controller's memory
            j.assertLogContains("Jenkins has restarted since", b);
            j.assertLogContains("teardown: 1 destroyed", b);
            assertTrue(lab.guests().isEmpty());
            assertTrue(NestedPveLeases.get().leases().live().isEmpty());
        });
    }
}
