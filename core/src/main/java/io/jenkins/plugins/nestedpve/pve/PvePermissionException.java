package io.jenkins.plugins.nestedpve.pve;

/**
 * 403 {@code Permission check failed (...)}. When PVE named an ACL path and privilege ({@code
 * (/vms/100, VM.Allocate)}) they are available here and the message says which role to grant on
 * which path; {@link #rootOnly()} marks calls only a {@code root@pam} ticket may make ({@code user !=
 * root@pam}, or an endpoint not available to API tokens).
 */
public class PvePermissionException extends PveApiException {
    private static final long serialVersionUID = 1L;

    private final String aclPath;
    private final String privilege;
    private final boolean rootOnly;

    /**
     * @param aclPath the ACL path PVE checked, or {@code null}
     * @param privilege the missing privilege, or {@code null}
     * @param rootOnly whether only a root@pam ticket can make this call
     */
    public PvePermissionException(
            String message, PveErrorResponse response, String aclPath, String privilege, boolean rootOnly) {
        super(message, response);
        this.aclPath = aclPath;
        this.privilege = privilege;
        this.rootOnly = rootOnly;
    }

    /** The ACL path PVE checked, e.g. {@code /vms/100}, or {@code null} when it named none. */
    public String aclPath() {
        return aclPath;
    }

    /** The missing privilege, e.g. {@code VM.Allocate}, or {@code null} when PVE named none. */
    public String privilege() {
        return privilege;
    }

    /** Whether only a {@code root@pam} ticket (never a token) can make this call. */
    public boolean rootOnly() {
        return rootOnly;
    }
}
