package io.jenkins.plugins.nestedpve.sim.shell;

/**
 * One program of the simulated shell (a builtin like {@code cat}, or a PVE tool like {@code pvecm}
 * registered by the machine model). Returns the exit status, as a process would.
 */
@FunctionalInterface
public interface Command {
    int run(Invocation invocation) throws InterruptedException;
}
