// Compile-only stub. Signatures read from jenkinsci/jenkins:core/src/main/java/hudson/init/InitMilestone.java at
// jenkins-2.541.3 (2.541.x line);
// ordering() and toString() are omitted.
package hudson.init;

import org.jvnet.hudson.reactor.Milestone;

public enum InitMilestone implements Milestone {
    STARTED("Started initialization"),
    PLUGINS_LISTED("Listed all plugins"),
    PLUGINS_PREPARED("Prepared all plugins"),
    PLUGINS_STARTED("Started all plugins"),
    EXTENSIONS_AUGMENTED("Augmented all extensions"),
    SYSTEM_CONFIG_LOADED("System config loaded"),
    SYSTEM_CONFIG_ADAPTED("System config adapted"),
    JOB_LOADED("Loaded all jobs"),
    JOB_CONFIG_ADAPTED("Configuration for all jobs updated"),
    COMPLETED("Completed initialization");

    InitMilestone(String message) {}
}
