package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.events.Healing;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.Timeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The build summary says what the provisioning healed, as the CLI does. */
class ClusterActionHealingTest {
    @Test
    void theSummaryCarriesTheHealingLineAndEachHealedFault() {
        Timeline timeline = new Timeline(Clock.systemUTC());
        timeline.healed(new Healing(Healing.Action.RETRIED, Phase.NESTING_CHECK, "np-a-n1", "SSH dropped"));
        timeline.healed(new Healing(Healing.Action.RECONCILED, Phase.START, "np-a-n2", "start had taken effect"));
        timeline.healed(new Healing(Healing.Action.RETRIED, Phase.SSH, "np-a-n3", "agent exec sent again"));
        timeline.healed(new Healing(Healing.Action.REPLACED, Phase.CLONE, "np-a-n3", "clone failed"));

        NestedPveClusterAction action = NestedPveClusterAction.failed("np-a", "lab", timeline, "quorum");

        assertThat(action.getHealing()).isEqualTo("3 transient faults absorbed, 1 node replaced");
        assertThat(action.getHealings()).hasSize(4).first().asString().contains("SSH dropped");
    }

    @Test
    void withoutHealedFaultsThereIsNoHealingLine() {
        NestedPveClusterAction action =
                NestedPveClusterAction.failed("np-a", "lab", new Timeline(Clock.systemUTC()), "quorum");

        assertThat(action.getHealing()).isNull();
        assertThat(action.getHealings()).isEmpty();
    }

    @Test
    void theSummaryViewShowsTheHealingLine() throws Exception {
        String jelly = Files.readString(Path.of(System.getProperty("basedir", "."), "..", "plugin", "src", "main")
                .resolve("resources/io/jenkins/plugins/nestedpve/plugin/NestedPveClusterAction/summary.jelly"));

        assertThat(jelly).contains("${it.healing}").contains("${it.healings}");
    }
}
