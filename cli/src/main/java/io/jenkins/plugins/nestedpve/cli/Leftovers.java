package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.sim.Simulator;
import io.jenkins.plugins.nestedpve.sim.TemplateSpec;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.model.SimVm;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a run left on a simulator, by inspecting the simulator itself (not through the API the
 * client used): every VM that is not one of its templates, and every guest machine still up.
 */
final class Leftovers {
    private Leftovers() {}

    /** One thing left behind. */
    record Leftover(String what, String detail) {
        @Override
        public String toString() {
            return what + " (" + detail + ")";
        }
    }

    static List<Leftover> find(Simulator sim) {
        Set<Integer> templates =
                sim.templates().stream().map(TemplateSpec::vmid).collect(Collectors.toSet());
        List<Leftover> found = new ArrayList<>();
        for (SimVm vm : sim.vms()) {
            if (!templates.contains(vm.vmid())) {
                found.add(new Leftover(
                        "VM " + vm.vmid() + " '" + vm.name() + "'",
                        vm.status() + (vm.lock() == null ? "" : ", lock " + vm.lock()) + ", tags " + vm.get("tags")));
            }
        }
        for (PveMachine m : sim.guests()) {
            found.add(new Leftover("guest machine " + m.nodeName(), "still up at " + m.ip()));
        }
        return List.copyOf(found);
    }
}
