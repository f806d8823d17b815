// Compile-only stub. Signatures read from jenkinsci/jenkins:core/src/main/java/jenkins/model/ParameterizedJobMixIn.java
// at jenkins-2.541.3 (2.541.x line). Only the ParameterizedJob interface and its scheduleBuild2; of its
// super-interfaces (BuildableItem,
// TriggeredItem) only Queue.Task, which BuildableItem extends, is kept.
package jenkins.model;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.queue.QueueTaskFuture;

public abstract class ParameterizedJobMixIn<
        JobT extends Job<JobT, RunT> & ParameterizedJobMixIn.ParameterizedJob<JobT, RunT> & Queue.Task,
        RunT extends Run<JobT, RunT> & Queue.Executable> {
    public interface ParameterizedJob<
                    JobT extends Job<JobT, RunT> & ParameterizedJobMixIn.ParameterizedJob<JobT, RunT> & Queue.Task,
                    RunT extends Run<JobT, RunT> & Queue.Executable>
            extends Queue.Task {
        default QueueTaskFuture<RunT> scheduleBuild2(int quietPeriod, Action... actions) {
            throw new UnsupportedOperationException("compile-only stub");
        }
    }
}
