// Compile-only stub. Signatures read from HtmlUnit/htmlunit:src/main/java/org/htmlunit/WebResponse.java
// at 5.2.0 (the htmlunit of jenkinsci/jenkins-test-harness-htmlunit).
package org.htmlunit;

import java.io.Serializable;

public class WebResponse implements Serializable {
    private static final long serialVersionUID = 1L;

    private WebResponse() {}

    public int getStatusCode() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public String getContentAsString() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
