package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.ssh.ExecResult;
import io.jenkins.plugins.nestedpve.ssh.LineSink;
import java.time.Duration;

/** A root shell on one node (SSH, host key pinned): the seam between the trial and the transport. */
interface NodeShell extends AutoCloseable {
    /** Runs {@code command}; a non-zero exit is a result. */
    ExecResult run(String command, Duration timeout) throws InterruptedException;

    /** Runs {@code command}, passing every stdout and stderr line to {@code lines} as it arrives. */
    ExecResult stream(String command, Duration timeout, LineSink lines) throws InterruptedException;

    /** Writes {@code content} to {@code path} (mode 644). */
    void write(String path, String content) throws InterruptedException;

    /** Closes the session; closing twice is harmless. */
    @Override
    void close();
}
