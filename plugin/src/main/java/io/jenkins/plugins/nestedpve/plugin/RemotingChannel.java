package io.jenkins.plugins.nestedpve.plugin;

import hudson.remoting.Channel;

/**
 * Tells whether the calling thread works for a remoting channel: remoting sets {@code Channel.current()} while it
 * serializes or deserializes a request and while the receiving side runs it. Pipeline writes program.dat on its
 * own CPS thread, outside any of that, so the password-carrying form of the masking filter is never written there.
 * (A thread that serves an agent's request could still write it elsewhere; nothing in Pipeline writes the body's
 * filter from such a thread.) A seam so that offline tests can play both.
 */
@FunctionalInterface
interface RemotingChannel {
    boolean serializingForChannel();

    /** Remoting's own answer: {@code Channel.current() != null}. */
    static RemotingChannel jenkins() {
        return () -> Channel.current() != null;
    }
}
