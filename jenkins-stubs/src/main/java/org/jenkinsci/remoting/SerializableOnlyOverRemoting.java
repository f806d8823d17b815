// Compile-only stub. Signatures read from
// jenkinsci/remoting:src/main/java/org/jenkinsci/remoting/SerializableOnlyOverRemoting.java
// at 3352.v17a_fb_4b_2773f (the remoting of 2.541.x); getChannelForSerialization() is omitted.
package org.jenkinsci.remoting;

import java.io.Serializable;

public interface SerializableOnlyOverRemoting extends Serializable {}
