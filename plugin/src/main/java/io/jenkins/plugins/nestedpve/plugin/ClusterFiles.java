package io.jenkins.plugins.nestedpve.plugin;

import hudson.FilePath;
import hudson.model.Run;
import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.cluster.OutputFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where the cluster's descriptor ({@code NESTED_PVE_DESCRIPTOR}) and Ansible inventory ({@code NESTED_PVE_INVENTORY})
 * go: into {@code .nested-pve/<cluster>/} of the workspace when the block runs inside {@code node}, so that the
 * body's {@code sh} steps can read them on the agent; otherwise into the build's directory on the controller.
 * Neither file holds a secret.
 */
interface ClusterFiles {
    /** The folder below the workspace. */
    String FOLDER = ".nested-pve";

    /** Writes both files and returns where they are, as paths on the machine that holds them. */
    Locations write(NestedCluster cluster) throws IOException, InterruptedException;

    /** Removes the files again (at teardown); best effort. */
    void remove(String clusterName);

    /**
     * @param descriptor the JSON descriptor's path
     * @param inventory the inventory's path
     */
    record Locations(String descriptor, String inventory) {}

    /** Files in {@code dir/<cluster>/}. */
    static ClusterFiles inDirectory(Path dir) {
        return new ClusterFiles() {
            @Override
            public Locations write(NestedCluster cluster) throws IOException {
                OutputFiles f = cluster.writeFiles(dir.resolve(cluster.name()));
                return new Locations(f.descriptor().toString(), f.inventory().toString());
            }

            @Override
            public void remove(String clusterName) {
                // kept with the build: the build directory is the record of what ran
            }
        };
    }

    /** In the workspace inside {@code node}, else in the build's directory on the controller. */
    static ClusterFiles forStep(FilePath workspace, Run<?, ?> run) {
        return workspace != null
                ? inWorkspace(workspace)
                : inDirectory(run.getRootDir().toPath().resolve("nested-pve"));
    }

    /** Files in {@code <workspace>/.nested-pve/<cluster>/} on the agent. */
    static ClusterFiles inWorkspace(FilePath workspace) {
        return new ClusterFiles() {
            @Override
            public Locations write(NestedCluster cluster) throws IOException, InterruptedException {
                FilePath dir = workspace.child(FOLDER).child(cluster.name());
                dir.mkdirs();
                FilePath descriptor = dir.child(OutputFiles.descriptorName(cluster.name()));
                FilePath inventory = dir.child(OutputFiles.inventoryName(cluster.name()));
                descriptor.write(cluster.descriptorJson(), StandardCharsets.UTF_8.name());
                inventory.write(cluster.ansibleInventory(), StandardCharsets.UTF_8.name());
                return new Locations(descriptor.getRemote(), inventory.getRemote());
            }

            @Override
            public void remove(String clusterName) {
                try {
                    workspace.child(FOLDER).child(clusterName).deleteRecursive();
                } catch (IOException e) {
                    // the agent may be gone; the files describe a destroyed cluster and hold no secret
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }
}
