package io.jenkins.plugins.nestedpve.sim.model;

import io.jenkins.plugins.nestedpve.sim.tls.PveCa;
import io.jenkins.plugins.nestedpve.sim.tls.TlsIdentity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One {@code /etc/pve} (the pmxcfs database): users and tokens, the auth key that signs tickets,
 * the cluster CA, node certificates, corosync.conf and the VM configs. Cluster members share one
 * instance; a join replaces the joining node's instance with the cluster's (pve-facts §5.1). Clones
 * of a template get a copy, so they start with identical content, node certificate included.
 */
public final class Pmxcfs {
    private final UserDb users;
    private final PveCa ca;
    private final Map<String, TlsIdentity> nodeCerts = new HashMap<>();
    private final Map<Integer, SimVm> vms = new TreeMap<>();
    private final FileLocks cfsLocks;
    private byte[] authKey;
    private Corosync corosync;
    /** The storage.cfg entry of a shared storage of a physical cluster, or null (see {@link Storage}). */
    private String sharedStorage;

    public Pmxcfs(UserDb users, PveCa ca, byte[] authKey, FileLocks cfsLocks) {
        this.users = users;
        this.ca = ca;
        this.authKey = authKey.clone();
        this.cfsLocks = cfsLocks;
    }

    /** A copy with the same content (clones of a template). VMs are not copied: guests start empty. */
    public synchronized Pmxcfs copy(FileLocks locks) {
        Pmxcfs c = new Pmxcfs(users.copy(), ca, authKey, locks);
        c.nodeCerts.putAll(nodeCerts);
        c.corosync = corosync;
        return c;
    }

    public UserDb users() {
        return users;
    }

    public PveCa ca() {
        return ca;
    }

    /** Cluster-wide locks ({@code cfs_lock_file}). */
    public FileLocks cfsLocks() {
        return cfsLocks;
    }

    public synchronized byte[] authKey() {
        return authKey.clone();
    }

    public synchronized void setAuthKey(byte[] key) {
        this.authKey = key.clone();
    }

    public synchronized Optional<TlsIdentity> nodeCert(String node) {
        return Optional.ofNullable(nodeCerts.get(node));
    }

    public synchronized void putNodeCert(String node, TlsIdentity id) {
        nodeCerts.put(node, id);
    }

    public synchronized Optional<Corosync> corosync() {
        return Optional.ofNullable(corosync);
    }

    public synchronized void setCorosync(Corosync c) {
        this.corosync = c;
    }

    /** The shared storage in storage.cfg, if any; copies (clones' own installations) have none. */
    public synchronized Optional<String> sharedStorage() {
        return Optional.ofNullable(sharedStorage);
    }

    public synchronized void setSharedStorage(String id) {
        this.sharedStorage = id;
    }

    public synchronized Optional<String> clusterName() {
        return corosync == null ? Optional.empty() : Optional.of(corosync.clusterName());
    }

    // ---- VM configs ------------------------------------------------------------------------

    public synchronized Optional<SimVm> vm(int vmid) {
        return Optional.ofNullable(vms.get(vmid));
    }

    public synchronized List<SimVm> vms() {
        return new ArrayList<>(vms.values());
    }

    /** Writes a new config; false when the id is taken anywhere in the cluster. */
    public synchronized boolean addVm(SimVm vm) {
        return vms.putIfAbsent(vm.vmid(), vm) == null;
    }

    public synchronized void removeVm(SimVm vm) {
        vms.remove(vm.vmid(), vm);
    }
}
