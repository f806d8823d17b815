package io.jenkins.plugins.nestedpve.sim.model;

import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;

/**
 * The system disk of a VM that holds a PVE installation: its file system, its {@code /etc/pve}
 * database and the installed version. A clone gets a copy (linked or full alike: the guest sees the
 * template's content), so clones inherit the template's identity until someone changes it.
 */
public final class OsImage {
    private final VirtualFs fs;
    private Pmxcfs pmxcfs;
    private PveVersion version;

    public OsImage(VirtualFs fs, Pmxcfs pmxcfs, PveVersion version) {
        this.fs = fs;
        this.pmxcfs = pmxcfs;
        this.version = version;
    }

    /** A copy for a clone (new file system object, same content; a new pmxcfs with the same content). */
    public synchronized OsImage copy(FileLocks cfsLocks) {
        VirtualFs c = new VirtualFs();
        fs.directories().forEach(c::mkdir);
        fs.snapshot().forEach(c::write);
        return new OsImage(c, pmxcfs.copy(cfsLocks), version);
    }

    public VirtualFs fs() {
        return fs;
    }

    public synchronized Pmxcfs pmxcfs() {
        return pmxcfs;
    }

    public synchronized void setPmxcfs(Pmxcfs p) {
        this.pmxcfs = p;
    }

    public synchronized PveVersion version() {
        return version;
    }

    public synchronized void setVersion(PveVersion v) {
        this.version = v;
    }
}
