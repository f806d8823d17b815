package io.jenkins.plugins.nestedpve.sim.ssh;

/** What the fault hook of a {@link SimSshServer} does to one exec request. */
public enum ExecFault {
    /** Run normally. */
    NONE,
    /** Cut the connection before the command starts: no side effects, no exit status. */
    DROP_BEFORE_RUN,
    /**
     * Run the command to the end (its side effects happen), then cut the connection instead of
     * sending the exit status: the client cannot tell whether it ran.
     */
    DROP_AFTER_RUN
}
