package io.jenkins.plugins.nestedpve.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The snippet generator's handlers of the steps over HTTP: POST only, for those who may configure. */
@WithJenkins
class StepFormPermissionJenkinsTest {
    private static final String CLUSTER = "descriptorByName/" + NestedPveClusterStep.class.getName() + "/";

    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule j) {
        this.j = j;
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ)
                .everywhere()
                .to("reader"));
    }

    private Page post(String user, String path) throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        wc.login(user);
        WebRequest request = new WebRequest(new URL(j.getURL(), CLUSTER + path), HttpMethod.POST);
        return wc.getPage(wc.addCrumb(request));
    }

    @Test
    void aReaderCannotValidateStepParameters() throws Exception {
        assertEquals(403, post("reader", "checkNodes?value=3").getWebResponse().getStatusCode());
    }

    @Test
    void anAdministratorGetsTheValidation() throws Exception {
        Page page = post("admin", "checkKeepOnFailure?value=soon");

        assertEquals(200, page.getWebResponse().getStatusCode());
        assertEquals(true, page.getWebResponse().getContentAsString().contains("is not a duration"));
    }
}
