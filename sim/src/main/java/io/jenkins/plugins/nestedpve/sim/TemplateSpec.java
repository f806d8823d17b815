package io.jenkins.plugins.nestedpve.sim;

import java.util.Objects;

/**
 * A PVE guest template on the simulated host: a VM template whose disk holds a PVE installation.
 *
 * @param vmid the template's VMID (e.g. 9000)
 * @param name the VM name (e.g. {@code pve84-tmpl}); also the guests' inherited hostname
 * @param release the PVE release installed in it: {@code 8.3}, {@code 8.4} or {@code 9.1}
 */
public record TemplateSpec(int vmid, String name, String release) {
    public TemplateSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(release, "release");
        if (vmid < 100) {
            throw new IllegalArgumentException("template vmid must be >= 100, got " + vmid);
        }
    }

    /** The default: 9000 {@code pve84-tmpl} with PVE 8.4. */
    public static TemplateSpec pve84() {
        return new TemplateSpec(9000, "pve84-tmpl", "8.4");
    }

    /** 9002 {@code pve83-tmpl} with PVE 8.3 (for minor upgrades 8.3 → 8.4). */
    public static TemplateSpec pve83() {
        return new TemplateSpec(9002, "pve83-tmpl", "8.3");
    }

    /** 9001 {@code pve91-tmpl} with PVE 9.1. */
    public static TemplateSpec pve91() {
        return new TemplateSpec(9001, "pve91-tmpl", "9.1");
    }
}
