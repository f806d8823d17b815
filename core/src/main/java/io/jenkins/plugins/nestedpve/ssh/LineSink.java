package io.jenkins.plugins.nestedpve.ssh;

/**
 * Receives a remote command's output one line at a time, as it arrives, without the line break.
 * Called from a reader thread: the stdout and stderr sinks of one command may run concurrently with
 * each other, each sees its own lines in order. A sink that throws stops the command.
 */
@FunctionalInterface
public interface LineSink {
    /** Ignores every line (the output is still collected in the {@link ExecResult}). */
    LineSink DISCARD = line -> {};

    void accept(String line);
}
