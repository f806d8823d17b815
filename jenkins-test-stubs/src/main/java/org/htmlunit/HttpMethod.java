// Compile-only stub. Signatures read from HtmlUnit/htmlunit:src/main/java/org/htmlunit/HttpMethod.java
// at 5.2.0 (the htmlunit of jenkinsci/jenkins-test-harness-htmlunit).
package org.htmlunit;

public enum HttpMethod {
    OPTIONS,
    GET,
    HEAD,
    POST,
    PUT,
    DELETE,
    TRACE,
    PATCH
}
