package io.jenkins.plugins.nestedpve.sim.shell.programs;

import io.jenkins.plugins.nestedpve.sim.shell.Command;
import io.jenkins.plugins.nestedpve.sim.shell.ShellContext;
import java.util.Map;

/** Registers every builtin program of the simulated shell. */
public final class Builtins {
    private Builtins() {}

    /** Adds the builtin programs to {@code programs}, bound to the machine's {@code context}. */
    public static void register(Map<String, Command> programs, ShellContext context) {
        BasicPrograms.register(programs, context);
        programs.put("printf", Printf::run);
        programs.put("test", TestProgram::run);
        programs.put("[", TestProgram::run);
        programs.put("[[", TestProgram::run);
        FilePrograms.register(programs, context.random());
        CopyMoveList.register(programs, context.clock());
        TextPrograms.register(programs);
        FieldPrograms.register(programs);
        programs.put("grep", Grep::run);
        programs.put("egrep", inv -> Grep.run(withFlag(inv, "-E")));
        programs.put("sed", Sed::run);
        programs.put("awk", Awk::run);
        programs.put("date", inv -> DateProgram.run(inv, context.clock()));
        programs.put("stat", inv -> StatProgram.run(inv, context.clock()));
        SystemInfo.register(programs);
        Checksums.register(programs);
        NetPrograms.register(programs);
        KernelModules.register(programs, context.hooks());
        AccountPrograms.register(programs, context);
        SshKeygen keygen = new SshKeygen(context);
        programs.put("ssh-keygen", keygen::run);
        programs.put("dpkg-reconfigure", keygen::dpkgReconfigure);
        Services.register(programs, context.hooks());
    }

    private static io.jenkins.plugins.nestedpve.sim.shell.Invocation withFlag(
            io.jenkins.plugins.nestedpve.sim.shell.Invocation inv, String flag) {
        java.util.List<String> args = new java.util.ArrayList<>(inv.args());
        args.add(1, flag);
        return new io.jenkins.plugins.nestedpve.sim.shell.Invocation(
                args, inv.stdin(), inv.out(), inv.err(), inv.fs(), inv.env(), inv.cwd());
    }
}
