package io.jenkins.plugins.nestedpve.cli;

/**
 * Registers work to run when the process is asked to stop (SIGTERM, Ctrl-C). The JVM runs its
 * shutdown hooks for both signals; tests inject their own implementation and trigger it directly.
 */
@FunctionalInterface
public interface ShutdownHooks {
    /**
     * Registers {@code hook}.
     *
     * @return closing it unregisters the hook (harmless when the process is already stopping)
     */
    Registration register(Runnable hook);

    /** An unregistration handle; closing twice is harmless. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** The JVM's shutdown hooks. */
    static ShutdownHooks runtime() {
        return hook -> {
            Thread thread = new Thread(hook, "nestedpve-shutdown");
            Runtime.getRuntime().addShutdownHook(thread);
            return () -> {
                try {
                    Runtime.getRuntime().removeShutdownHook(thread);
                } catch (IllegalStateException e) {
                    // the JVM is already shutting down: the hook runs (or ran) anyway
                }
            };
        };
    }
}
