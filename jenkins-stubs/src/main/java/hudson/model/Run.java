// Compile-only stub. Signatures: jenkins-api-signatures.txt.
// getResult, isBuilding, fromExternalizableId, getRootDir and the constructor Run(JobT) read from
// jenkinsci/jenkins:core/src/main/java/hudson/model/Run.java at jenkins-2.541.3 (2.541.x line). The constructor is the
// real protected one so that offline tests can fake a build; the stub's does nothing.
// Members the plugin's Jenkins tests use are listed in jenkins-stubs/src/test/resources/signatures/additions/.
package hudson.model;

import hudson.EnvVars;
import hudson.ExtensionPoint;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import java.io.File;
import java.io.IOException;
import java.util.List;
import jenkins.console.WithConsoleUrl;
import jenkins.model.HistoricalBuild;
import jenkins.util.io.OnMaster;
import org.kohsuke.stapler.StaplerProxy;
import org.springframework.security.access.AccessDeniedException;

public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable
        implements ExtensionPoint,
                Comparable<RunT>,
                AccessControlled,
                PersistenceRoot,
                DescriptorByNameOwner,
                OnMaster,
                StaplerProxy,
                HistoricalBuild,
                WithConsoleUrl {
    protected Run(JobT job) throws IOException {}

    @Override
    public int compareTo(RunT that) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public ACL getACL() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public String getLog() throws IOException {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public List<String> getLog(int maxLines) throws IOException {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public int getNumber() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public String getFullDisplayName() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public String getExternalizableId() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public String getUrl() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public EnvVars getEnvironment(TaskListener listener) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public JobT getParent() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public File getRootDir() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public Result getResult() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public boolean isBuilding() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static Run<?, ?> fromExternalizableId(String id) throws IllegalArgumentException, AccessDeniedException {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
