// Compile-only stub. Signatures: jenkins-api-signatures.txt.
package hudson.model;

import jenkins.model.Loadable;
import jenkins.util.io.OnMaster;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;

public abstract class Descriptor<T extends Describable<T>> implements Saveable, Loadable, OnMaster {
    public final transient Class<? extends T> clazz;

    protected Descriptor() {
        this.clazz = null;
    }

    protected Descriptor(Class<? extends T> clazz) {
        this.clazz = clazz;
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public String getId() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public synchronized void save() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public synchronized void load() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static final class FormException extends Exception implements HttpResponse {
        private static final long serialVersionUID = 1L;

        public FormException(String message, String formField) {
            super(message);
        }

        public String getFormField() {
            throw new UnsupportedOperationException("compile-only stub");
        }
    }
}
