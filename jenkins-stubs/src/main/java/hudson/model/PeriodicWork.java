// Compile-only stub. Signatures: jenkins-api-signatures.txt.
// MIN, HOUR and DAY read from jenkinsci/jenkins:core/src/main/java/hudson/model/PeriodicWork.java at jenkins-2.541.3
// (2.541.x line) (compile-time constants there too).
package hudson.model;

import hudson.ExtensionPoint;
import hudson.triggers.SafeTimerTask;

public abstract class PeriodicWork extends SafeTimerTask implements ExtensionPoint {
    protected static final long MIN = 1000 * 60;
    protected static final long HOUR = 60 * MIN;
    protected static final long DAY = 24 * HOUR;

    public PeriodicWork() {}

    public abstract long getRecurrencePeriod();

    public long getInitialDelay() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
