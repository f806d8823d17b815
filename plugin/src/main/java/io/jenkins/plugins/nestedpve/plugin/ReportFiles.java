package io.jenkins.plugins.nestedpve.plugin;

import hudson.FilePath;
import hudson.model.Run;
import io.jenkins.plugins.nestedpve.cluster.SafeFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where {@code nestedPveUpgrade(report: 'upgrade-report.xml')} writes its JUnit report: relative to the workspace
 * when the step runs inside {@code node}, so that {@code junit 'upgrade-report.xml'} publishes it; otherwise below
 * the build's directory on the controller. The report holds no secret.
 */
interface ReportFiles {
    /**
     * Writes {@code content} to {@code relativePath} (already checked by {@link #checkPath}).
     *
     * @return where the file is, as a path on the machine that holds it
     */
    String write(String relativePath, String content) throws IOException, InterruptedException;

    /** Whether the file lands in the workspace (where {@code junit} finds it). */
    boolean inWorkspace();

    /**
     * Checks a report path before anything runs: relative, inside the workspace, a file name at the end.
     *
     * @return an error saying what to write instead, or null when the path is fine
     */
    static String checkPath(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        String p = path.strip().replace('\\', '/');
        if (p.startsWith("/") || p.matches("^[A-Za-z]:.*")) {
            return "report: '" + path.strip() + "' is absolute; write a path relative to the workspace, e.g."
                    + " 'upgrade-report.xml' or 'reports/upgrade.xml'.";
        }
        for (String part : p.split("/", -1)) {
            if (part.equals("..") || part.isEmpty()) {
                return "report: '" + path.strip() + "' must stay inside the workspace, without '..' or empty"
                        + " parts; e.g. 'reports/upgrade.xml'.";
            }
        }
        return null;
    }

    /** In the workspace inside {@code node}, else in the build's directory on the controller. */
    static ReportFiles forStep(FilePath workspace, Run<?, ?> run) {
        return workspace != null
                ? inWorkspace(workspace)
                : inDirectory(run.getRootDir().toPath().resolve("nested-pve"), false);
    }

    /** Files below {@code dir}; {@code workspace} tells whether that directory is the build's workspace. */
    static ReportFiles inDirectory(Path dir, boolean workspace) {
        return new ReportFiles() {
            @Override
            public String write(String relativePath, String content) throws IOException {
                Path file = dir.resolve(relativePath).normalize();
                if (!file.startsWith(dir.normalize())) {
                    throw new IOException("report: " + relativePath + " is outside " + dir);
                }
                SafeFiles.write(file, content, SafeFiles.Visibility.NORMAL);
                return file.toString();
            }

            @Override
            public boolean inWorkspace() {
                return workspace;
            }

            @Override
            public String toString() {
                return "ReportFiles[" + dir + "]";
            }
        };
    }

    /** Files in the workspace on the agent. */
    static ReportFiles inWorkspace(FilePath workspace) {
        return new ReportFiles() {
            @Override
            public String write(String relativePath, String content) throws IOException, InterruptedException {
                FilePath file = workspace;
                String[] parts = relativePath.replace('\\', '/').split("/");
                for (int i = 0; i < parts.length - 1; i++) {
                    file = file.child(parts[i]);
                }
                file.mkdirs();
                file = file.child(parts[parts.length - 1]);
                file.write(content, StandardCharsets.UTF_8.name());
                return file.getRemote();
            }

            @Override
            public boolean inWorkspace() {
                return true;
            }
        };
    }
}
