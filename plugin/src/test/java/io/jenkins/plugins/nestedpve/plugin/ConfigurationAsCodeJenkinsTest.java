package io.jenkins.plugins.nestedpve.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import org.junit.jupiter.api.Test;

/** JCasC: {@code unclassified: nestedPve:} sets the hosts and limits through the data-bound setters. */
@WithJenkinsConfiguredWithCode
class ConfigurationAsCodeJenkinsTest {
    @Test
    @ConfiguredWithCode("casc.yml")
    void hostsAndLimitsComeFromYaml(JenkinsConfiguredWithCodeRule j) throws Exception {
        NestedPveGlobalConfiguration config = NestedPveGlobalConfiguration.get();

        assertEquals(4, config.getMaxNodesPerCluster());
        assertEquals(10, config.getReaperIntervalMinutes());
        j.assertEqualDataBoundBeans(
                NestedPveGlobalConfigurationJenkinsTest.fullHost(),
                config.findHost("lab").orElseThrow());
    }
}
