package io.jenkins.plugins.nestedpve.cli;

/**
 * The exit codes of {@code nestedpve}, as documented in {@code docs/cli.md}. {@code run} exits with
 * the command's own code when provisioning and teardown succeeded.
 */
public final class ExitCodes {
    /** Everything worked. */
    public static final int OK = 0;
    /** The command (or the demo's check) failed; {@code run} passes on the command's own code instead. */
    public static final int COMMAND_FAILED = 1;
    /** Bad usage or a bad spec file: nothing was created. */
    public static final int USAGE = 2;
    /** Provisioning failed (what it had created was torn down). */
    public static final int PROVISIONING_FAILED = 3;
    /** Teardown was incomplete: VMs of ours may be left on the host. */
    public static final int LEFTOVERS = 4;
    /** {@code doctor} found at least one failing check. */
    public static final int DOCTOR_FAILED = 5;
    /** An upgrade trial ({@code upgrade}, {@code demo --upgrade}) did not pass. */
    public static final int UPGRADE_FAILED = 6;
    /** Interrupted (Ctrl-C, SIGTERM): 128 + SIGINT, as shells report it. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}
}
