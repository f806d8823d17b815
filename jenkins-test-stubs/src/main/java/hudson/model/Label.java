// Compile-only stub. Signatures read from jenkinsci/jenkins:core/src/main/java/hudson/model/Label.java
// at jenkins-2.541.3 (2.541.x line). Only Label.get; the abstract methods and interfaces are left out.
package hudson.model;

public abstract class Label extends Actionable {
    protected Label(String name) {}

    public static Label get(String l) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
