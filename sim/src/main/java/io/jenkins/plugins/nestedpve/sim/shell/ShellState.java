package io.jenkins.plugins.nestedpve.sim.shell;

import io.jenkins.plugins.nestedpve.sim.shell.parse.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The mutable state of one shell process: variables, options, working directory, functions. */
final class ShellState {
    final Map<String, String> vars = new LinkedHashMap<>();
    final Set<String> exported = new HashSet<>();
    final Map<String, Node.FunctionDef> functions = new HashMap<>();
    List<String> positional = new ArrayList<>();
    String arg0 = "bash";
    String cwd = "/";
    boolean errexit;
    boolean nounset;
    boolean pipefail;
    boolean xtrace;
    int lastStatus;
    String exitTrap;

    /** A state seeded from an environment: every variable exported. */
    static ShellState fromEnvironment(Map<String, String> env, String cwd) {
        ShellState state = new ShellState();
        env.forEach(state::export);
        state.cwd = cwd;
        state.vars.put("PWD", cwd);
        return state;
    }

    /** The copy a subshell starts with. */
    ShellState copy() {
        ShellState copy = new ShellState();
        copy.vars.putAll(vars);
        copy.exported.addAll(exported);
        copy.functions.putAll(functions);
        copy.positional = new ArrayList<>(positional);
        copy.arg0 = arg0;
        copy.cwd = cwd;
        copy.errexit = errexit;
        copy.nounset = nounset;
        copy.pipefail = pipefail;
        copy.xtrace = xtrace;
        copy.lastStatus = lastStatus;
        return copy;
    }

    void export(String name, String value) {
        vars.put(name, value);
        exported.add(name);
    }

    String get(String name) {
        return vars.get(name);
    }

    /** Exported variables, as passed to programs. */
    Map<String, String> environment() {
        Map<String, String> env = new TreeMap<>();
        for (String name : exported) {
            String value = vars.get(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        return env;
    }

    /** The field separators ({@code $IFS}, default blank, tab, newline). */
    String ifs() {
        String ifs = vars.get("IFS");
        return ifs == null ? " \t\n" : ifs;
    }

    /** Option letters as {@code $-} shows them. */
    String flags() {
        StringBuilder sb = new StringBuilder("h");
        if (errexit) {
            sb.append('e');
        }
        if (nounset) {
            sb.append('u');
        }
        if (xtrace) {
            sb.append('x');
        }
        return sb.append("Bc").toString();
    }
}
