package io.jenkins.plugins.nestedpve.plugin;

import java.util.concurrent.Callable;

/**
 * {@link RemotingChannel} for offline tests: a thread works for a channel only inside {@link #sending(Callable)}, as
 * remoting sets {@code Channel.current()} only on the threads that carry or run its requests.
 */
final class TestRemoting implements RemotingChannel {
    private final ThreadLocal<Boolean> sending = ThreadLocal.withInitial(() -> false);

    @Override
    public boolean serializingForChannel() {
        return sending.get();
    }

    /** Runs {@code work} (typically a serialization) as remoting's writer thread would. */
    <T> T sending(Callable<T> work) throws Exception {
        sending.set(true);
        try {
            return work.call();
        } finally {
            sending.remove();
        }
    }
}
