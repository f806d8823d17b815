// Compile-only stub. Signatures read from jenkinsci/jenkins:core/src/main/java/jenkins/util/Timer.java at
// jenkins-2.541.3 (2.541.x line);
// members the plugin never uses are omitted.
package jenkins.util;

import java.util.concurrent.ScheduledExecutorService;

public class Timer {
    private Timer() {}

    public static synchronized ScheduledExecutorService get() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
