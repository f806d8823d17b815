package io.jenkins.plugins.nestedpve.plugin;

import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/**
 * The form of {@link PasswordMaskingFilter} that travels to an agent: it holds the password, because the agent
 * masks the output of the steps it runs itself. It can be written only by a thread that works for a remoting
 * channel (see {@link RemotingChannel}); written by any other (Pipeline's program.dat, a file on the agent) it
 * throws {@link NotSerializableException}. Received on the agent, it asks remoting itself
 * ({@link RemotingChannel#jenkins()}) before it is written again.
 */
final class AgentPasswordMask extends ConsoleLogFilter implements SerializableOnlyOverRemoting {
    private static final long serialVersionUID = 1L;

    private final String password;
    private transient RemotingChannel remoting;

    AgentPasswordMask(String password, RemotingChannel remoting) {
        this.password = password;
        this.remoting = remoting;
    }

    @Override
    @SuppressWarnings("rawtypes") // the signature of the real API
    public OutputStream decorateLogger(Run build, OutputStream logger) {
        return new MaskingOutputStream(logger, password);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        remoting = RemotingChannel.jenkins();
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        if (remoting == null || !remoting.serializingForChannel()) {
            throw new NotSerializableException(AgentPasswordMask.class.getName()
                    + " holds a cluster's root password and is written only to a remoting channel (to an agent)");
        }
        out.defaultWriteObject();
    }

    @Override
    public String toString() {
        return "AgentPasswordMask[" + MaskingOutputStream.MASK + "]";
    }
}
