package io.jenkins.plugins.nestedpve.pve;

/**
 * The addressed object does not exist, e.g. 500 {@code Configuration file
 * 'nodes/pve/qemu-server/100.conf' does not exist} (wrong node or VM gone) or another {@code does
 * not exist} answer. Cleanup code treats this as "already gone".
 */
public class PveNotFoundException extends PveApiException {
    private static final long serialVersionUID = 1L;

    public PveNotFoundException(String message, PveErrorResponse response) {
        super(message, response);
    }

    /** Whether PVE said the VM config file is missing (the VM does not exist on that node). */
    public boolean isMissingVmConfig() {
        return pveMessage().startsWith("Configuration file ");
    }
}
