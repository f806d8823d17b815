package io.jenkins.plugins.nestedpve.sim.model;

import java.util.List;

/** Runs a program inside a machine's shell (for the guest agent's exec). Implemented outside the model. */
@FunctionalInterface
public interface ShellRunner {
    /** What a finished program left behind. */
    record Result(int exitCode, String out, String err) {}

    /** Runs {@code argv} (argv[0] the program, or {@code bash -c script}) with {@code stdin}. */
    Result run(PveMachine machine, List<String> argv, String stdin) throws InterruptedException;
}
