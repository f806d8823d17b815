// Compile-only stub. Signatures read from
// HtmlUnit/htmlunit:src/main/java/org/htmlunit/FailingHttpStatusCodeException.java
// at 5.2.0 (the htmlunit of jenkinsci/jenkins-test-harness-htmlunit).
package org.htmlunit;

public class FailingHttpStatusCodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FailingHttpStatusCodeException(WebResponse failingResponse) {}

    public FailingHttpStatusCodeException(String message, WebResponse failingResponse) {}
}
