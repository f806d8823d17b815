package io.jenkins.plugins.nestedpve.upgrade;

import java.util.Locale;

/**
 * The Proxmox VE package repository the upgraded nodes use (pve-facts §7, §13.2): its component on
 * PVE 8 ({@code bookworm}) and on PVE 9 ({@code trixie}, where the test component was renamed).
 */
public enum Repository {
    /** {@code pve-no-subscription} on {@code http://download.proxmox.com/debian/pve}. */
    NO_SUBSCRIPTION("pve-no-subscription", "pve-no-subscription", "http://download.proxmox.com/debian/pve"),
    /** {@code pve-enterprise} on {@code https://enterprise.proxmox.com/debian/pve}; needs a subscription. */
    ENTERPRISE("pve-enterprise", "pve-enterprise", "https://enterprise.proxmox.com/debian/pve"),
    /** {@code pvetest} on PVE 8, {@code pve-test} on PVE 9. */
    TEST("pvetest", "pve-test", "http://download.proxmox.com/debian/pve");

    private final String componentPve8;
    private final String componentPve9;
    private final String defaultUri;

    Repository(String componentPve8, String componentPve9, String defaultUri) {
        this.componentPve8 = componentPve8;
        this.componentPve9 = componentPve9;
        this.defaultUri = defaultUri;
    }

    /** {@code no-subscription}, {@code enterprise} or {@code test}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The component in PVE 8's one-line sources, e.g. {@code pvetest}. */
    public String componentPve8() {
        return componentPve8;
    }

    /** The component in PVE 9's deb822 sources, e.g. {@code pve-test}. */
    public String componentPve9() {
        return componentPve9;
    }

    /** Where the packages come from when no mirror is configured. */
    public String defaultUri() {
        return defaultUri;
    }

    /**
     * Parses {@code no-subscription}, {@code enterprise} or {@code test} (any case).
     *
     * @throws InvalidUpgradePlanException naming the field {@code repository}
     */
    public static Repository parse(String text) {
        return PlanValues.parse(Repository.class, "repository", text);
    }
}
