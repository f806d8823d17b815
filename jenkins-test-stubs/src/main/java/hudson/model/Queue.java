// Compile-only stub. Signatures read from jenkinsci/jenkins:core/src/main/java/hudson/model/Queue.java
// at jenkins-2.541.3 (2.541.x line). Only the task and executable types; of their super-interfaces only
// FullyNamedModelObject and Runnable
// are kept.
package hudson.model;

import jenkins.model.FullyNamedModelObject;

public class Queue extends ResourceController implements Saveable {
    private Queue() {}

    public interface FlyweightTask extends Task {}

    public interface Task extends FullyNamedModelObject {}

    public interface Executable extends Runnable {}
}
