package io.jenkins.plugins.nestedpve.spec;

import java.io.Serializable;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The PVE template to clone, by VMID or by name (resolved by the provisioner; a name must match
 * exactly one template). Exactly one of the two is set.
 */
public record TemplateRef(Integer vmid, String name) implements Serializable {
    private static final long serialVersionUID = 1L;

    public TemplateRef {
        if ((vmid == null) == (name == null)) {
            throw new IllegalArgumentException("a template is given by vmid or by name, not both or neither");
        }
    }

    public static TemplateRef ofVmid(int vmid) {
        return new TemplateRef(vmid, null);
    }

    public static TemplateRef ofName(String name) {
        return new TemplateRef(null, name);
    }

    public OptionalInt vmidIfKnown() {
        return vmid == null ? OptionalInt.empty() : OptionalInt.of(vmid);
    }

    public Optional<String> nameIfKnown() {
        return Optional.ofNullable(name);
    }

    @Override
    public String toString() {
        return vmid != null ? "template " + vmid : "template '" + name + "'";
    }
}
