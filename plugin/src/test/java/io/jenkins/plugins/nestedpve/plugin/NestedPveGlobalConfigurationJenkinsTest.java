package io.jenkins.plugins.nestedpve.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The global configuration in a real Jenkins: the form keeps every field, and the XML file does too. */
@WithJenkins
class NestedPveGlobalConfigurationJenkinsTest {
    static PveHostConfig fullHost() {
        PveHostConfig h = new PveHostConfig("lab");
        h.setApiUrl("https://pve1.example.org:8006");
        h.setNode("pve1");
        h.setFingerprint(
                "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89");
        h.setTokenCredentialsId("pve-token");
        h.setSshCredentialsId("pve-ssh");
        h.setSshHostKeyFingerprint("SHA256:" + "A".repeat(43));
        h.setTemplate("pve84-tmpl");
        h.setStorage("fast");
        h.setBridge("vmbr1");
        h.setVlan(42);
        h.setVmidRangeStart(91000);
        h.setVmidRangeEnd(91999);
        h.setAddressing(PveHostConfig.Addressing.STATIC);
        h.setStaticPoolCidr("10.20.0.0/24");
        h.setStaticGateway("10.20.0.1");
        h.setGuestRootPasswordCredentialsId("guest-root");
        h.setNesting(PveHostConfig.Nesting.ENABLE);
        return h;
    }

    @Test
    void theFormKeepsEveryField(JenkinsRule j) throws Exception {
        NestedPveGlobalConfiguration config = NestedPveGlobalConfiguration.get();
        PveHostConfig before = fullHost();
        config.setHosts(List.of(before));
        config.setMaxNodesPerCluster(4);
        config.setMaxConcurrentClusters(3);
        config.setReaperIntervalMinutes(30);

        j.configRoundtrip();

        NestedPveGlobalConfiguration after = NestedPveGlobalConfiguration.get();
        j.assertEqualDataBoundBeans(before, after.findHost("lab").orElseThrow());
        assertEquals(4, after.getMaxNodesPerCluster());
        assertEquals(3, after.getMaxConcurrentClusters());
        assertEquals(30, after.getReaperIntervalMinutes());
    }

    @Test
    void theSavedFileIsReadBack(JenkinsRule j) throws Exception {
        NestedPveGlobalConfiguration.get().setHosts(List.of(fullHost()));

        NestedPveGlobalConfiguration reloaded = new NestedPveGlobalConfiguration();

        j.assertEqualDataBoundBeans(fullHost(), reloaded.findHost("lab").orElseThrow());
    }
}
