// Compile-only stub. Signatures read from
// jenkinsci/workflow-job-plugin:src/main/java/org/jenkinsci/plugins/workflow/job/WorkflowRun.java
// at cef6baef (2026-05-28). Of its interfaces only Queue.Executable (through FlowExecutionOwner.Executable) is kept.
package org.jenkinsci.plugins.workflow.job;

import hudson.model.Queue;
import hudson.model.Run;
import java.io.File;
import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;

public final class WorkflowRun extends Run<WorkflowJob, WorkflowRun> implements Queue.Executable {
    public WorkflowRun(WorkflowJob job) throws IOException {
        super(job);
    }

    public WorkflowRun(WorkflowJob job, File dir) throws IOException {
        super(job);
    }

    @Override
    public void run() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public HttpResponse doStop() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
