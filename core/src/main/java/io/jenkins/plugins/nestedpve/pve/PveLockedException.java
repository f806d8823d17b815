package io.jenkins.plugins.nestedpve.pve;

/**
 * A lock stopped the request: {@code VM is locked (<lock>)} (a task such as a clone holds the VM;
 * wait for it), or a lock timeout {@code can't lock file '...' - got timeout} / {@code cfs-lock
 * '...' error: got lock request timeout} (another task held the file lock; nothing was started, so
 * the same call may be retried after a backoff, see {@link #isRetryableLockTimeout()}).
 */
public class PveLockedException extends PveApiException {
    private static final long serialVersionUID = 1L;

    private final String lock;
    private final boolean lockTimeout;

    /**
     * @param lock the config lock named by {@code VM is locked (<lock>)}, or {@code null} for a lock
     *     timeout
     * @param lockTimeout whether this is a (retryable) lock timeout
     */
    public PveLockedException(String message, PveErrorResponse response, String lock, boolean lockTimeout) {
        super(message, response);
        this.lock = lock;
        this.lockTimeout = lockTimeout;
    }

    /** The config lock, e.g. {@code clone}, or {@code null} for a lock timeout. */
    public String lock() {
        return lock;
    }

    @Override
    public boolean isRetryableLockTimeout() {
        return lockTimeout;
    }
}
