package io.jenkins.plugins.nestedpve.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** Form handlers over HTTP: POST only, administrators only. */
@WithJenkins
class FormPermissionJenkinsTest {
    private static final String DESCRIPTOR = "descriptorByName/" + PveHostConfig.class.getName() + "/";

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
        WebRequest request = new WebRequest(new URL(j.getURL(), DESCRIPTOR + path), HttpMethod.POST);
        return wc.getPage(wc.addCrumb(request));
    }

    @Test
    void aReaderCannotValidateFields() throws Exception {
        assertEquals(
                403,
                post("reader", "checkApiUrl?value=https://pve.example.org:8006")
                        .getWebResponse()
                        .getStatusCode());
    }

    @Test
    void aReaderCannotTestAConnection() throws Exception {
        Page page = post("reader", "testConnection?apiUrl=https://pve.example.org:8006&node=pve1");

        assertEquals(403, page.getWebResponse().getStatusCode());
    }

    @Test
    void aReaderGetsNoCredentialIds() throws Exception {
        Page page = post("reader", "fillTokenCredentialsIdItems?tokenCredentialsId=secret-id");

        assertEquals(200, page.getWebResponse().getStatusCode());
        assertFalse(page.getWebResponse().getContentAsString().contains("secret-id"));
    }

    @Test
    void anAdministratorGetsTheValidation() throws Exception {
        Page page = post("admin", "checkApiUrl?value=http://pve.example.org:8006");

        assertEquals(200, page.getWebResponse().getStatusCode());
        assertTrue(page.getWebResponse().getContentAsString().contains("HTTPS only"));
    }

    @Test
    void validationIsNotServedOverGet() throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        wc.login("admin");

        Page page = wc.goTo(DESCRIPTOR + "checkApiUrl?value=http://pve.example.org", null);

        // @POST cancels the dispatch of other verbs, so no handler answers
        assertNotEquals(200, page.getWebResponse().getStatusCode());
        assertFalse(page.getWebResponse().getContentAsString().contains("HTTPS only"));
    }
}
