// Compile-only stub. Signatures: jenkins-api-signatures.txt.
// getDisplayName() and isVisible(ModelObject) read from
// jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/CredentialsScope.java at
// d96751bcc06de7da229c321370456ea1cf7ca4ac;
// the constants have bodies there too, which makes the enum sealed.
package com.cloudbees.plugins.credentials;

import hudson.model.ModelObject;
import java.io.Serializable;

public enum CredentialsScope implements Serializable {
    SYSTEM {
        @Override
        public String getDisplayName() {
            throw new UnsupportedOperationException("compile-only stub");
        }

        @Override
        public boolean isVisible(ModelObject context) {
            throw new UnsupportedOperationException("compile-only stub");
        }
    },
    GLOBAL {
        @Override
        public String getDisplayName() {
            throw new UnsupportedOperationException("compile-only stub");
        }

        @Override
        public boolean isVisible(ModelObject context) {
            throw new UnsupportedOperationException("compile-only stub");
        }
    },
    USER {
        @Override
        public String getDisplayName() {
            throw new UnsupportedOperationException("compile-only stub");
        }

        @Override
        public boolean isVisible(ModelObject context) {
            throw new UnsupportedOperationException("compile-only stub");
        }
    };

    public abstract String getDisplayName();

    public abstract boolean isVisible(ModelObject context);
}
