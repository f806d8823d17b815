// Compile-only stub. Signatures read from jenkinsci/jenkins:core/src/main/java/hudson/model/Action.java at
// jenkins-2.541.3 (2.541.x line).
package hudson.model;

public interface Action extends ModelObject {
    String getIconFileName();

    // the real interface overrides ModelObject's method; the ModelObject stub omits it
    String getDisplayName();

    String getUrlName();
}
