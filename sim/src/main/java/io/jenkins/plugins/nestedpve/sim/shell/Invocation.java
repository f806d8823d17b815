package io.jenkins.plugins.nestedpve.sim.shell;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The context of one program run inside the simulated shell.
 *
 * @param args the argument vector; {@code args.get(0)} is the program name as typed
 * @param stdin standard input (the SSH channel's input, a pipe, or empty)
 * @param out standard output
 * @param err standard error
 * @param fs the machine's file system
 * @param env environment variables visible to the program
 * @param cwd the working directory
 */
public record Invocation(
        List<String> args,
        InputStream stdin,
        PrintStream out,
        PrintStream err,
        VirtualFs fs,
        Map<String, String> env,
        String cwd) {
    public Invocation {
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }

    /** The program name ({@code args[0]}). */
    public String name() {
        return args.get(0);
    }

    /** The arguments after the program name. */
    public List<String> params() {
        return args.subList(1, args.size());
    }
}
