package io.jenkins.plugins.nestedpve.plugin;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * What Pipeline writes to program.dat, for offline tests: objects written with Java serialization, the step
 * context replaced by a reference (as Pipeline's pickles do) and bound to a new context when read back.
 */
final class ProgramState {
    private final byte[] bytes;

    private ProgramState(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A reference to the step context in the written state. */
    private static final class ContextReference implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    static ProgramState write(Object... roots) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(out) {
            {
                enableReplaceObject(true);
            }

            @Override
            protected Object replaceObject(Object obj) {
                return obj instanceof FakeStepContext ? new ContextReference() : obj;
            }
        }) {
            o.writeObject(roots);
        }
        return new ProgramState(out.toByteArray());
    }

    /** The objects as written, with every step context reference bound to {@code context}. */
    Object[] read(FakeStepContext context) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
            {
                enableResolveObject(true);
            }

            @Override
            protected Object resolveObject(Object obj) {
                return obj instanceof ContextReference ? context : obj;
            }
        }) {
            return (Object[]) in.readObject();
        }
    }

    /** Whether {@code text} appears in the written bytes (ASCII text is written as is). */
    boolean contains(String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    int size() {
        return bytes.length;
    }
}
