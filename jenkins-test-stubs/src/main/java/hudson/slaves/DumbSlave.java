// Compile-only stub. Signatures read from jenkinsci/jenkins:core/src/main/java/hudson/slaves/DumbSlave.java
// at jenkins-2.541.3 (2.541.x line).
package hudson.slaves;

import hudson.model.Descriptor;
import hudson.model.Slave;
import java.io.IOException;

public final class DumbSlave extends Slave {
    private static final long serialVersionUID = 1L;

    public DumbSlave(String name, String remoteFS, ComputerLauncher launcher)
            throws Descriptor.FormException, IOException {
        super(name, remoteFS, launcher);
    }
}
