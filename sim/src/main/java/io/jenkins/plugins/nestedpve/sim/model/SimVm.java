package io.jenkins.plugins.nestedpve.sim.model;

import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * One qemu VM: its config (guarded by this object), where it lives, whether it runs, and its
 * system disk when that holds a PVE installation. Thread-safe.
 */
public final class SimVm {
    private final int vmid;
    private volatile String node;
    private final boolean container;
    private final VmConfig config;
    private final Instant createdAt;
    private OsImage image;
    private boolean running;
    private Instant startedAt;
    private int bootCount;
    private PveMachine guest;
    private boolean agentUp;

    public SimVm(int vmid, String node, VmConfig config, Instant createdAt) {
        this(vmid, node, config, createdAt, false);
    }

    /** A qemu VM, or an LXC container when {@code container}. */
    public SimVm(int vmid, String node, VmConfig config, Instant createdAt, boolean container) {
        this.vmid = vmid;
        this.node = node;
        this.container = container;
        this.config = config;
        this.createdAt = createdAt;
    }

    public int vmid() {
        return vmid;
    }

    /** The node whose {@code qemu-server/} directory holds the config. */
    public String node() {
        return node;
    }

    /** Whether this is an LXC container ({@code nodes/<node>/lxc/<vmid>.conf}) rather than a qemu VM. */
    public boolean isContainer() {
        return container;
    }

    /** The config file moved to {@code target}'s directory (the end of a migration, pmxcfs rename). */
    public void moveTo(String target) {
        this.node = target;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Runs {@code f} with the config under this VM's monitor. */
    public synchronized <T> T withConfig(Function<VmConfig, T> f) {
        return f.apply(config);
    }

    public synchronized String get(String key) {
        return config.get(key);
    }

    /** The {@code lock} value, or null. */
    public synchronized String lock() {
        return config.get("lock");
    }

    public synchronized boolean isTemplate() {
        return "1".equals(config.get("template"));
    }

    public synchronized String name() {
        return config.get("name");
    }

    public synchronized Map<String, String> currentConfig() {
        return Map.copyOf(config.current());
    }

    public synchronized String digest() {
        return config.digest();
    }

    public synchronized boolean running() {
        return running;
    }

    public synchronized String status() {
        return running ? "running" : "stopped";
    }

    public synchronized Instant startedAt() {
        return startedAt;
    }

    /** Marks the VM running (pending changes applied by the caller) and counts the boot. */
    public synchronized int markStarted(Instant now) {
        running = true;
        startedAt = now;
        return ++bootCount;
    }

    public synchronized void markStopped() {
        running = false;
        agentUp = false;
        startedAt = null;
    }

    /** The boot counter, to tell one boot's timed events from the next one's. */
    public synchronized int bootCount() {
        return bootCount;
    }

    public synchronized OsImage image() {
        return image;
    }

    public synchronized void setImage(OsImage img) {
        this.image = img;
    }

    /** The PVE machine running inside this VM, if its OS has been created. */
    public synchronized PveMachine guest() {
        return guest;
    }

    public synchronized void setGuest(PveMachine m) {
        this.guest = m;
    }

    /** Whether the guest agent answers (guest OS booted, agent service up). */
    public synchronized boolean agentUp() {
        return agentUp;
    }

    public synchronized void setAgentUp(boolean up) {
        this.agentUp = up;
    }

    @Override
    public String toString() {
        return "SimVm[" + vmid + " on " + node + "]";
    }
}
