// Compile-only stub. Signatures read from
// jenkinsci/lib-task-reactor:src/main/java/org/jvnet/hudson/reactor/Milestone.java
// at task-reactor-1.9 (the version 2.541.x uses).
package org.jvnet.hudson.reactor;

public interface Milestone {}
