// Compile-only stub. Signatures read from HtmlUnit/htmlunit:src/main/java/org/htmlunit/WebRequest.java
// at 5.2.0 (the htmlunit of jenkinsci/jenkins-test-harness-htmlunit).
package org.htmlunit;

import java.io.Serializable;
import java.net.URL;

public class WebRequest implements Serializable {
    private static final long serialVersionUID = 1L;

    public WebRequest(URL url) {}

    public WebRequest(URL url, HttpMethod submitMethod) {}
}
