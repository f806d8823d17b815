package io.jenkins.plugins.nestedpve.sim.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Removes a wrapper program and its options, leaving the wrapped command line. */
final class Wrappers {
    /** Options that take a value, per wrapper. */
    private static final Map<String, Set<String>> VALUED = Map.of(
            "sudo", Set.of("-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U"),
            "nice", Set.of("-n"),
            "timeout", Set.of("-s", "-k", "--signal", "--kill-after"),
            "ionice", Set.of("-c", "-n", "-p"),
            "stdbuf", Set.of("-i", "-o", "-e"),
            "nohup", Set.of());

    private Wrappers() {}

    static List<String> strip(String wrapper, List<String> argv) {
        Set<String> valued = VALUED.getOrDefault(wrapper, Set.of());
        int i = 1;
        while (i < argv.size() && argv.get(i).startsWith("-") && argv.get(i).length() > 1) {
            String opt = argv.get(i);
            i++;
            if (opt.equals("--")) {
                break;
            }
            if (valued.contains(opt)) {
                i++;
            }
        }
        if (wrapper.equals("timeout") && i < argv.size()) {
            i++;
        }
        return new ArrayList<>(argv.subList(Math.min(i, argv.size()), argv.size()));
    }
}
