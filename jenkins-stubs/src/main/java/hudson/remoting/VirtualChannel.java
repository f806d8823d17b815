// Compile-only stub. Signatures read from
// jenkinsci/remoting:src/main/java/hudson/remoting/VirtualChannel.java at 3352.v17a_fb_4b_2773f; its members are
// omitted (the plugin uses none).
package hudson.remoting;

public interface VirtualChannel {}
