// Compile-only stub. Signatures read from jenkinsci/jenkins:core/src/main/java/hudson/model/listeners/RunListener.java
// at jenkins-2.541.3 (2.541.x line);
// members the plugin never uses are omitted.
package hudson.model.listeners;

import hudson.ExtensionPoint;
import hudson.model.Run;
import hudson.model.TaskListener;

@SuppressWarnings("rawtypes")
public abstract class RunListener<R extends Run> implements ExtensionPoint {
    public final Class<R> targetType;

    protected RunListener(Class<R> targetType) {
        this.targetType = targetType;
    }

    protected RunListener() {
        this.targetType = null;
    }

    public void onCompleted(R r, TaskListener listener) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public void onFinalized(R r) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public void onInitialize(R r) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public void onStarted(R r, TaskListener listener) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public void onDeleted(R r) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
