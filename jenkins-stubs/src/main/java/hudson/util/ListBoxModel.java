// Compile-only stub. Signatures: jenkins-api-signatures.txt.
// The (int), (Collection) and (Option...) constructors and the three-argument Option constructor
// read from jenkinsci/jenkins:core/src/main/java/hudson/util/ListBoxModel.java at jenkins-2.541.3 (2.541.x line).
package hudson.util;

import java.util.ArrayList;
import java.util.Collection;
import org.kohsuke.stapler.HttpResponse;

/** Constructors create a real, empty {@link ArrayList} (the superclass); every declared method throws. */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> implements HttpResponse {
    private static final long serialVersionUID = 1L;

    public ListBoxModel(int initialCapacity) {}

    public ListBoxModel() {}

    public ListBoxModel(Collection<Option> c) {}

    public ListBoxModel(Option... data) {}

    public void add(String displayName, String value) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public ListBoxModel add(String nameAndValue) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static final class Option {
        public String name;
        public String value;
        public boolean selected;

        public Option(String name, String value) {}

        public Option(String name) {}

        public Option(String name, String value, boolean selected) {}
    }
}
