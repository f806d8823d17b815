package io.jenkins.plugins.nestedpve.plugin;

import hudson.remoting.Channel;

/**
 * Tells whether the calling thread is serializing objects for a remoting channel, i.e. sending them to an agent.
 * Remoting marks such threads ({@code Channel.current()} is set while it writes a request); program.dat and other
 * writes on the controller happen outside it. A seam so that offline tests can play both.
 */
@FunctionalInterface
interface RemotingChannel {
    boolean serializingForChannel();

    /** Remoting's own answer: {@code Channel.current() != null}. */
    static RemotingChannel jenkins() {
        return () -> Channel.current() != null;
    }
}
