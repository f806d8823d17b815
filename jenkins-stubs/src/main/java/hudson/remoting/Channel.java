// Compile-only stub. Signatures read from
// jenkinsci/remoting:src/main/java/hudson/remoting/Channel.java at 3352.v17a_fb_4b_2773f (the remoting of
// 2.541.x). Only current() is used; one real constructor is declared so that no default constructor appears.
package hudson.remoting;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;

public class Channel implements VirtualChannel, IChannel, Closeable {
    @Deprecated
    public Channel(String name, ExecutorService exec, InputStream is, OutputStream os) throws IOException {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static Channel current() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public void close() throws IOException {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
