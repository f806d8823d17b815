// Compile-only stub. Signatures read from jenkinsci/jenkins:core/src/main/java/hudson/model/Slave.java
// at jenkins-2.541.3 (2.541.x line).
package hudson.model;

import hudson.slaves.ComputerLauncher;
import java.io.IOException;
import java.io.Serializable;

public abstract class Slave extends Node implements Serializable {
    private static final long serialVersionUID = 1L;

    protected Slave(String name, String remoteFS, ComputerLauncher launcher)
            throws Descriptor.FormException, IOException {}
}
