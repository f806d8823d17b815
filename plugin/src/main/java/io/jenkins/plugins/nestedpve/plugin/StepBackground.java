package io.jenkins.plugins.nestedpve.plugin;

/**
 * How {@link ClusterStepExecution} runs work off the CPS thread: {@code GeneralNonBlockingStepExecution.run(block)}
 * in Jenkins (what the block throws fails the step); a seam for tests.
 */
@FunctionalInterface
interface StepBackground {
    /** Background work. */
    @FunctionalInterface
    interface Task {
        void run() throws Exception;
    }

    void launch(Task task);
}
