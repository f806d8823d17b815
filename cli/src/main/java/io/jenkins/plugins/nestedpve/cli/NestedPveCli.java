package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.spec.SpecValidationException;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code nestedpve}: ephemeral nested Proxmox VE test clusters from a shell or any CI. Commands:
 * {@code demo}, {@code bench}, {@code run}, {@code up}, {@code down}, {@code reap}, {@code doctor}, {@code sim}.
 * Exit codes are in {@link ExitCodes} and {@code docs/cli.md}.
 */
@Command(
        name = "nestedpve",
        mixinStandardHelpOptions = true,
        versionProvider = NestedPveCli.Version.class,
        description = {
            "Ephemeral nested Proxmox VE test clusters on a physical PVE host.",
            "Try it without hardware: nestedpve demo"
        },
        subcommands = {
            DemoCommand.class,
            BenchCommand.class,
            RunCommand.class,
            UpCommand.class,
            DownCommand.class,
            UpgradeCommand.class,
            ReapCommand.class,
            DoctorCommand.class,
            StatusCommand.class,
            SimCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Exit codes: 0 ok, 1 failed (run: the command's code), 2 usage or spec error,",
            "3 provisioning failed, 4 teardown incomplete, 5 doctor failures, 6 upgrade trial failed, 130 stopped.",
            "See docs/cli.md."
        })
public final class NestedPveCli implements Callable<Integer> {
    static final String KEEP_ALIVE_PROPERTY = "jdk.httpclient.keepalive.timeout";

    /** Seconds a pooled HTTP connection may sit idle and still be reused: below the servers' 5 s. */
    static final String KEEP_ALIVE_SECONDS = "2";

    private final CliContext ctx;

    public NestedPveCli(CliContext ctx) {
        this.ctx = ctx;
    }

    public static void main(String[] args) {
        System.exit(launch(args));
    }

    /** What {@link #main} does before it exits: the process-wide defaults, then {@link #run}. */
    static int launch(String... args) {
        useHttpKeepAliveDefault();
        return run(CliContext.system(), args);
    }

    /**
     * PVE's API server and the simulator close idle keep-alive connections after 5 s
     * (pve-http-server's handle timeout); a pooled connection reused just as the server closes it
     * loses a POST without an answer (outcome unknown). Connections idle for 2 s are not reused (the
     * JDK's default is 1200 s). The JDK reads the property once, when its HTTP client is first
     * loaded, so it is set before anything else runs; a value given with {@code -D} is kept.
     */
    static void useHttpKeepAliveDefault() {
        if (System.getProperty(KEEP_ALIVE_PROPERTY) == null) {
            System.setProperty(KEEP_ALIVE_PROPERTY, KEEP_ALIVE_SECONDS);
        }
    }

    /** Runs {@code nestedpve args} with {@code ctx} and returns the exit code. */
    public static int run(CliContext ctx, String... args) {
        CommandLine cl = new CommandLine(new NestedPveCli(ctx), new Factory(ctx));
        cl.setOut(new PrintWriter(ctx.out(), true));
        cl.setErr(new PrintWriter(ctx.err(), true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // `nestedpve run --version` prints the same as `nestedpve --version`
        cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(new Version()));
        // everything after the command's first word belongs to it: `run -f x -- ls -la` and `run -f x ls -la`
        cl.getSubcommands().get("run").setStopAtPositional(true);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> failure(ctx, e));
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        new CommandLine(this, new Factory(ctx)).usage(ctx.err());
        return ExitCodes.USAGE;
    }

    /** Prints what went wrong (message only: they say what to do) and maps it to an exit code. */
    static int failure(CliContext ctx, Exception e) {
        if (e instanceof CliException c) {
            ctx.err().println("nestedpve: " + c.getMessage());
            return c.exitCode();
        }
        if (e instanceof SpecValidationException) {
            ctx.err().println("nestedpve: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (e instanceof NestedPveException) {
            ctx.err().println("nestedpve: " + e.getMessage());
            return ExitCodes.COMMAND_FAILED;
        }
        ctx.err().println("nestedpve: unexpected " + e.getClass().getName() + ": " + e.getMessage());
        e.printStackTrace(ctx.err());
        return ExitCodes.COMMAND_FAILED;
    }

    /** Gives every command the context through its {@code (CliContext)} constructor. */
    private record Factory(CliContext ctx) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                Constructor<K> c = cls.getDeclaredConstructor(CliContext.class);
                return c.newInstance(ctx);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = NestedPveCli.class.getPackage().getImplementationVersion();
            return new String[] {"nestedpve " + (v == null ? "(development build)" : v)};
        }
    }
}
