// Compile-only stub. Signatures: jenkins-api-signatures.txt.
// describe(StandardCredentials) read from
// jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/common/StandardListBoxModel.java at
// d96751bcc06de7da229c321370456ea1cf7ca4ac.
package com.cloudbees.plugins.credentials.common;

public class StandardListBoxModel extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {
    private static final long serialVersionUID = 1L;

    public StandardListBoxModel() {}

    @Override
    protected String describe(StandardCredentials c) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
