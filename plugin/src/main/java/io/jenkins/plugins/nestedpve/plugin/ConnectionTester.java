package io.jenkins.plugins.nestedpve.plugin;

/** Tries a host configuration against the real host; a seam so the form handler is testable offline. */
@FunctionalInterface
public interface ConnectionTester {
    /**
     * Connects as configured (address, pinned fingerprint, API token) and says what it found. Never throws:
     * every failure is an error {@link Validation} that says what to fix.
     */
    Validation test(PveHostConfig host);
}
