// Compile-only stub. Signatures: jenkins-api-signatures.txt.
package hudson.triggers;

import java.util.TimerTask;

public abstract class SafeTimerTask extends TimerTask {
    public SafeTimerTask() {}

    @Override
    public final void run() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    protected abstract void doRun() throws Exception;
}
