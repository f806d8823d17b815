// Compile-only stub. Signatures read from HtmlUnit/htmlunit:src/main/java/org/htmlunit/Page.java
// at 5.2.0 (the htmlunit of jenkinsci/jenkins-test-harness-htmlunit).
package org.htmlunit;

import java.io.Serializable;

public interface Page extends Serializable {
    WebResponse getWebResponse();
}
