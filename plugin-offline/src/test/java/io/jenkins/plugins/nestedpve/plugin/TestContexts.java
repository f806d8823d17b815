package io.jenkins.plugins.nestedpve.plugin;

import hudson.EnvVars;
import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;

/**
 * {@link BodyContexts} for offline tests: merges as {@code EnvironmentExpander.merge} and
 * {@code BodyInvoker.mergeConsoleLogFilters} do (workflow-step-api at 0773c3c6: the original first, then ours;
 * sensitive variables united), which need a running Jenkins.
 */
final class TestContexts {
    private TestContexts() {}

    static BodyContexts merging() {
        return new BodyContexts(
                (original, ours) -> original == null ? ours : new Merged(original, ours),
                (original, ours) -> original == null ? ours : new MergedFilter(original, ours));
    }

    private static final class Merged extends EnvironmentExpander {
        private static final long serialVersionUID = 1L;
        private final EnvironmentExpander original;
        private final EnvironmentExpander subsequent;

        Merged(EnvironmentExpander original, EnvironmentExpander subsequent) {
            this.original = original;
            this.subsequent = subsequent;
        }

        @Override
        public void expand(EnvVars env) throws IOException, InterruptedException {
            original.expand(env);
            subsequent.expand(env);
        }

        @Override
        public Set<String> getSensitiveVariables() {
            Set<String> all = new HashSet<>(original.getSensitiveVariables());
            all.addAll(subsequent.getSensitiveVariables());
            return all;
        }
    }

    private static final class MergedFilter extends ConsoleLogFilter implements Serializable {
        private static final long serialVersionUID = 1L;
        private final ConsoleLogFilter original;
        private final ConsoleLogFilter subsequent;

        MergedFilter(ConsoleLogFilter original, ConsoleLogFilter subsequent) {
            this.original = original;
            this.subsequent = subsequent;
        }

        @Override
        @SuppressWarnings("rawtypes")
        public OutputStream decorateLogger(Run build, OutputStream logger) throws IOException, InterruptedException {
            return subsequent.decorateLogger(build, original.decorateLogger(build, logger));
        }
    }
}
