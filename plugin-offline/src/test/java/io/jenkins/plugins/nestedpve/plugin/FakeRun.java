package io.jenkins.plugins.nestedpve.plugin;

import hudson.model.Action;
import hudson.model.Run;
import hudson.security.ACL;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A build for offline tests: an id, a build directory, and the actions added to it. */
@SuppressWarnings({"rawtypes", "unchecked"}) // Run's type parameters need a Job; this build has none
final class FakeRun extends Run {
    private final String id;
    private final Path rootDir;
    final List<Action> actions = new CopyOnWriteArrayList<>();

    FakeRun(String id, Path rootDir) throws IOException {
        super(null);
        this.id = id;
        this.rootDir = rootDir;
    }

    @Override
    public String getExternalizableId() {
        return id;
    }

    @Override
    public String getFullDisplayName() {
        return id;
    }

    @Override
    public File getRootDir() {
        return rootDir.toFile();
    }

    @Override
    public void addAction(Action a) {
        actions.add(a);
    }

    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("no security in offline tests");
    }

    @Override
    public int compareTo(Object o) {
        return id.compareTo(((FakeRun) o).id);
    }

    @Override
    public String toString() {
        return "FakeRun[" + id + "]";
    }
}
