package io.jenkins.plugins.nestedpve.sim.ssh;

import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelListener;

/**
 * Kills the running command as soon as the client closes its channel. MINA would otherwise wait
 * for the command to exit (up to its command-exit timeout) before destroying it.
 */
final class KillOnClose implements ChannelListener {
    private final Runnable kill;

    KillOnClose(Runnable kill) {
        this.kill = kill;
    }

    @Override
    public void channelStateChanged(Channel channel, String hint) {
        if ("SSH_MSG_CHANNEL_CLOSE".equals(hint)) {
            kill.run();
        }
    }

    @Override
    public void channelClosed(Channel channel, Throwable reason) {
        kill.run();
    }
}
