// Compile-only stub. Signatures read from
// jenkinsci/jenkins-test-harness:src/main/java/org/jvnet/hudson/test/JenkinsRule.java
// at 2578.v44660312fd37 (the jenkins-test-harness the plugin parent pins). Members the plugin's tests call, with every
// overload
// applicable to those calls; TestRule, MethodRule and RootAction are left out of the header.
package org.jvnet.hudson.test;

import hudson.EnvVars;
import hudson.model.Job;
import hudson.model.Label;
import hudson.model.Queue;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TopLevelItem;
import hudson.security.AbstractPasswordBasedSecurityRealm;
import hudson.slaves.DumbSlave;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.util.List;
import jenkins.model.Jenkins;
import jenkins.model.ParameterizedJobMixIn;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.xml.sax.SAXException;

public class JenkinsRule {
    public Jenkins jenkins;

    public <T extends TopLevelItem> T createProject(Class<T> type, String name) throws IOException {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public <T extends TopLevelItem> T createProject(Class<T> type) throws IOException {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public DummySecurityRealm createDummySecurityRealm() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public URL getURL() throws IOException {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public DumbSlave createOnlineSlave() throws Exception {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public DumbSlave createOnlineSlave(Label l) throws Exception {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public DumbSlave createOnlineSlave(Label l, EnvVars env) throws Exception {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public void configRoundtrip() throws Exception {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @SuppressWarnings("rawtypes")
    public <R extends Run> R assertBuildStatus(Result status, R r) throws Exception {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public <J extends Job<J, R> & ParameterizedJobMixIn.ParameterizedJob<J, R>, R extends Run<J, R> & Queue.Executable>
            R buildAndAssertSuccess(J job) throws Exception {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public <J extends Job<J, R> & ParameterizedJobMixIn.ParameterizedJob<J, R>, R extends Run<J, R> & Queue.Executable>
            R buildAndAssertStatus(Result status, J job) throws Exception {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @SuppressWarnings("rawtypes")
    public void assertLogContains(String substring, Run run) throws IOException {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @SuppressWarnings("rawtypes")
    public void assertLogNotContains(String substring, Run run) throws IOException {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public <R extends Run<?, ?>> R waitForCompletion(R r) throws InterruptedException {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public <R extends Run<?, ?>> R waitForMessage(String message, R r) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public void assertEqualDataBoundBeans(Object lhs, Object rhs)
            throws InvocationTargetException, NoSuchMethodException, IllegalAccessException {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public void assertEqualDataBoundBeans(List<?> lhs, List<?> rhs) throws Exception {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public WebClient createWebClient() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static class DummySecurityRealm extends AbstractPasswordBasedSecurityRealm {
        DummySecurityRealm() {}
    }

    public class WebClient extends org.htmlunit.WebClient {
        private static final long serialVersionUID = 1L;

        public WebClient() {}

        public WebClient withThrowExceptionOnFailingStatusCode(boolean enabled) {
            throw new UnsupportedOperationException("compile-only stub");
        }

        public WebClient login(String username, String password) throws Exception {
            throw new UnsupportedOperationException("compile-only stub");
        }

        public WebClient login(String username, String password, boolean rememberMe) throws Exception {
            throw new UnsupportedOperationException("compile-only stub");
        }

        public WebClient login(String username) throws Exception {
            throw new UnsupportedOperationException("compile-only stub");
        }

        public WebRequest addCrumb(WebRequest req) {
            throw new UnsupportedOperationException("compile-only stub");
        }

        public Page goTo(String relative, String expectedContentType) throws IOException, SAXException {
            throw new UnsupportedOperationException("compile-only stub");
        }
    }
}
