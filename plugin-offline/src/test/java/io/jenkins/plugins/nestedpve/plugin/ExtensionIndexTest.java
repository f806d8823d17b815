package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import java.util.ArrayList;
import java.util.List;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.junit.jupiter.api.Test;

/** The stub build writes the same sezpoz index (META-INF/annotations/hudson.Extension) Jenkins reads. */
class ExtensionIndexTest {
    @Test
    void everyExtensionOfThePluginIsIndexed() {
        List<String> indexed = new ArrayList<>();
        for (IndexItem<Extension, Object> item :
                Index.load(Extension.class, Object.class, getClass().getClassLoader())) {
            indexed.add(item.className());
        }

        assertThat(indexed)
                .contains(
                        NestedPveGlobalConfiguration.class.getName(),
                        PveHostDescriptor.class.getName(),
                        NestedPveLeases.class.getName(),
                        NestedPveRunListener.class.getName(),
                        NestedPveReaperWork.class.getName(),
                        NestedPveClusterStep.DescriptorImpl.class.getName(),
                        NestedPveShStep.DescriptorImpl.class.getName(),
                        NestedPveUpgradeStep.DescriptorImpl.class.getName());
    }

    @Test
    void theIndexFileIsInTheCompiledPlugin() {
        assertThat(getClass().getClassLoader().getResource("META-INF/annotations/hudson.Extension"))
                .isNotNull()
                .asString()
                .contains("/plugin-offline/target/classes/");
    }
}
