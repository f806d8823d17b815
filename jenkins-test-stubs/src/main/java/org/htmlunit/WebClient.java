// Compile-only stub. Signatures read from HtmlUnit/htmlunit:src/main/java/org/htmlunit/WebClient.java
// at 5.2.0 (the htmlunit of jenkinsci/jenkins-test-harness-htmlunit). The one-argument getPage overloads and close().
package org.htmlunit;

import java.io.IOException;
import java.io.Serializable;
import java.net.MalformedURLException;
import java.net.URL;

public class WebClient implements Serializable, AutoCloseable {
    private static final long serialVersionUID = 1L;

    public WebClient() {}

    public <P extends Page> P getPage(String url)
            throws IOException, FailingHttpStatusCodeException, MalformedURLException {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public <P extends Page> P getPage(URL url) throws IOException, FailingHttpStatusCodeException {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public <P extends Page> P getPage(WebRequest request) throws IOException, FailingHttpStatusCodeException {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
