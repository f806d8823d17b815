package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.ssh.SshException;
import java.util.ArrayList;
import java.util.List;

/**
 * One node's part of a running trial: its open shell, what it reported, its step results. Used by
 * the thread working on that node (and read when the report is built after that thread ended).
 */
final class NodeState {
    final String name;
    private final List<StepResult> steps = new ArrayList<>();
    private final List<CheckerSummary> checkers = new ArrayList<>();
    private NodeShell shell;
    PveVersionLine before;
    PveVersionLine after;
    boolean needsMinorUpgrade;
    boolean upgraded;

    NodeState(String name) {
        this.name = name;
    }

    /** The open shell, connecting first when there is none. */
    synchronized NodeShell shell(Trial t) throws InterruptedException {
        if (shell == null) {
            shell = t.access()
                    .shell(t.nodes().node(name), t.polls().after(t.timeouts().command()));
        }
        return shell;
    }

    synchronized void useShell(NodeShell s) {
        closeShell();
        shell = s;
    }

    synchronized void closeShell() {
        if (shell != null) {
            try {
                shell.close();
            } catch (SshException e) {
                // the session is already gone (the node rebooted)
            }
            shell = null;
        }
    }

    synchronized void record(StepResult r) {
        steps.add(r);
    }

    synchronized void record(CheckerSummary c) {
        checkers.add(c);
    }

    synchronized boolean failed() {
        return steps.stream().anyMatch(StepResult::failed);
    }

    synchronized NodeReport report() {
        return new NodeReport(
                name, before == null ? null : before.line(), after == null ? null : after.line(), steps, checkers);
    }
}
