package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.cluster.NestedNode;
import io.jenkins.plugins.nestedpve.cluster.Secret;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.lifecycle.EngineContext;
import io.jenkins.plugins.nestedpve.lifecycle.PveClientFactory;
import io.jenkins.plugins.nestedpve.ssh.SshAuth;
import io.jenkins.plugins.nestedpve.ssh.SshConnector;
import io.jenkins.plugins.nestedpve.ssh.SshTimeouts;
import io.jenkins.plugins.nestedpve.wait.Backoff;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs an {@link UpgradePlan} against a finished {@link NestedCluster} (from {@code nestedPveCluster}
 * or {@code nestedpve up}). It reaches each node the way provisioning left it: SSH as root to the
 * node's address, the host key pinned to {@link NestedNode#sshHostKeyFingerprint()}; the API as
 * {@code root@pam} pinned to {@link NestedNode#apiFingerprint()}. A certificate that changed during
 * the trial is re-pinned only from the fingerprint read over the pinned SSH session, never by
 * trusting what the server presents.
 *
 * <p>Build it with {@link #builder(NestedCluster, Secret, UpgradePlan)}; time, sleeping and the
 * clients are injected. One trial runs once; {@link #run()} blocks the calling thread, which can be
 * interrupted to abort: the command in flight is killed and {@link InterruptedException} thrown
 * (the nested cluster is disposable; its teardown follows).
 */
public final class UpgradeTrial {
    private final Builder config;

    private UpgradeTrial(Builder config) {
        this.config = config;
    }

    /**
     * A builder for a trial of {@code plan} on {@code cluster}.
     *
     * @param rootPassword the cluster's root password (API tickets; SSH unless {@link
     *     Builder#sshAuth(SshAuth)} says otherwise)
     */
    public static Builder builder(NestedCluster cluster, Secret rootPassword, UpgradePlan plan) {
        return new Builder(cluster, rootPassword, plan);
    }

    /**
     * Runs the trial and returns its report when it passed.
     *
     * @throws UpgradeFailedException when it did not pass; {@link UpgradeFailedException#report()}
     *     holds the report
     * @throws InterruptedException when the calling thread was interrupted (aborted)
     */
    public UpgradeReport run() throws InterruptedException {
        UpgradeReport report = execute();
        if (!report.passed()) {
            throw TrialRunner.failure(report);
        }
        return report;
    }

    /**
     * Runs the trial and returns its report whatever the outcome ({@link UpgradeReport#passed()}).
     *
     * @throws InterruptedException when the calling thread was interrupted (aborted)
     */
    public UpgradeReport execute() throws InterruptedException {
        return new TrialRunner(config).run();
    }

    /** Collects a trial's collaborators; all but the constructor's arguments are optional. */
    public static final class Builder {
        final NestedCluster cluster;
        final Secret rootPassword;
        final UpgradePlan plan;
        SshAuth sshAuth;
        Clock clock = Clock.systemUTC();
        Sleeper sleeper = Sleeper.SYSTEM;
        UpgradeListener listener = UpgradeListener.NOOP;
        SshConnector ssh;
        PveClientFactory pveClients;
        Backoff poll = EngineContext.DEFAULT_POLL;
        ThreadFactory threads;
        ClusterAccess access;
        Duration watchInterval;
        boolean watchIntervalSet;

        private Builder(NestedCluster cluster, Secret rootPassword, UpgradePlan plan) {
            this.cluster = Objects.requireNonNull(cluster, "cluster");
            this.rootPassword = Objects.requireNonNull(rootPassword, "rootPassword");
            this.plan = Objects.requireNonNull(plan, "plan");
        }

        /** How SSH logs in as root; default: the root password. */
        public Builder sshAuth(SshAuth v) {
            sshAuth = v;
            return this;
        }

        public Builder clock(Clock v) {
            clock = Objects.requireNonNull(v, "clock");
            return this;
        }

        public Builder sleeper(Sleeper v) {
            sleeper = Objects.requireNonNull(v, "sleeper");
            return this;
        }

        /** Receives step events, output lines and heartbeats. */
        public Builder listener(UpgradeListener v) {
            listener = Objects.requireNonNull(v, "listener");
            return this;
        }

        /** As {@link #listener(UpgradeListener)} with {@link UpgradeListener#toProgress(ProgressListener)}. */
        public Builder progress(ProgressListener v) {
            return listener(UpgradeListener.toProgress(v));
        }

        /** Default: a connector with {@link SshTimeouts#DEFAULTS} on this builder's clock and sleeper. */
        public Builder ssh(SshConnector v) {
            ssh = v;
            return this;
        }

        /** Default: {@link PveClientFactory#standard(Clock, Sleeper)} on this builder's clock and sleeper. */
        public Builder pveClients(PveClientFactory v) {
            pveClients = v;
            return this;
        }

        /** How often the trial polls (SSH back, API back, quorum, guests); default {@link EngineContext#DEFAULT_POLL}. */
        public Builder poll(Backoff v) {
            poll = Objects.requireNonNull(v, "poll");
            return this;
        }

        /** The engine's clock, sleeper, SSH connector, API clients, poll and threads: a trial beside provisioning. */
        public Builder engine(EngineContext ctx) {
            return clock(ctx.clock())
                    .sleeper(ctx.sleeper())
                    .ssh(ctx.ssh())
                    .pveClients(ctx.pveClients())
                    .poll(ctx.poll())
                    .threads(ctx.threads());
        }

        /** Creates the trial's threads (parallel nodes, the guest watcher); default: daemon threads. */
        public Builder threads(ThreadFactory v) {
            threads = v;
            return this;
        }

        /** Tests: how often the workload watcher looks on its own; null: only at step boundaries. */
        Builder watchInterval(Duration v) {
            watchInterval = v;
            watchIntervalSet = true;
            return this;
        }

        /** Tests: reach the nodes through fakes instead of SSH and the API. */
        Builder access(ClusterAccess v) {
            access = v;
            return this;
        }

        /**
         * @throws IllegalArgumentException when a node lacks the pinned SSH host key or API
         *     fingerprint the trial needs to reach it safely
         */
        public UpgradeTrial build() {
            for (NestedNode n : cluster.nodes()) {
                if (blank(n.sshHostKeyFingerprint()) || blank(n.apiFingerprint())) {
                    throw new IllegalArgumentException("node " + n.name()
                            + " has no recorded SSH host key or API fingerprint; run the trial on a cluster"
                            + " made by nestedPveCluster or 'nestedpve up', whose descriptor records both");
                }
            }
            if (sshAuth == null) {
                sshAuth = SshAuth.password(rootPassword.reveal());
            }
            if (ssh == null) {
                ssh = new SshConnector(SshTimeouts.DEFAULTS, clock, sleeper);
            }
            if (pveClients == null) {
                pveClients = PveClientFactory.standard(clock, sleeper);
            }
            if (threads == null) {
                AtomicInteger n = new AtomicInteger();
                threads = r -> {
                    Thread th = new Thread(r, "nested-pve-upgrade-" + n.incrementAndGet());
                    th.setDaemon(true);
                    return th;
                };
            }
            if (!watchIntervalSet) {
                watchInterval = poll.initial();
            }
            if (access == null) {
                access = new RemoteAccess(ssh, sshAuth, pveClients, rootPassword);
            }
            return new UpgradeTrial(this);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }
}
