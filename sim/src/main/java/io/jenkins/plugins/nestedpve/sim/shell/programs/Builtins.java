package io.jenkins.plugins.nestedpve.sim.shell.programs;

import io.jenkins.plugins.nestedpve.sim.shell.Command;
import io.jenkins.plugins.nestedpve.sim.shell.ShellContext;
import java.util.Map;

/**
 * Registers every builtin program of the simulated shell: the programs the engine runs on hosts and
 * guests, those the documentation and examples use, and the shell's own builtins ({@code true},
 * {@code echo}, {@code printf}, {@code test}, ...). docs/simulator-fidelity.md lists them.
 */
public final class Builtins {
    private Builtins() {}

    /** Adds the builtin programs to {@code programs}, bound to the machine's {@code context}. */
    public static void register(Map<String, Command> programs, ShellContext context) {
        BasicPrograms.register(programs, context);
        programs.put("printf", Printf::run);
        programs.put("test", TestProgram::run);
        programs.put("[", TestProgram::run);
        programs.put("[[", TestProgram::run);
        FilePrograms.register(programs);
        MoveProgram.register(programs);
        programs.put("grep", Grep::run);
        SystemInfo.register(programs);
        KernelModules.register(programs, context.hooks());
        AccountPrograms.register(programs, context);
        SshKeygen keygen = new SshKeygen(context);
        programs.put("ssh-keygen", keygen::run);
        Services.register(programs, context.hooks());
    }
}
