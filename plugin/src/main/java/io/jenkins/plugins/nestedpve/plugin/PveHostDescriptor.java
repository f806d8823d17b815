package io.jenkins.plugins.nestedpve.plugin;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.Extension;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.Objects;
import java.util.function.Supplier;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Form support of {@link PveHostConfig}. Every handler is {@code @POST} and administrators only: field checks
 * and the connection test throw {@code AccessDeniedException} (403) for anyone else, credential drop-downs
 * answer an empty list.
 */
@Extension
@Symbol("pveHost")
public class PveHostDescriptor extends Descriptor<PveHostConfig> {
    private final PermissionChecker permissions;
    private final ValidationRenderer renderer;
    private final CredentialsListing credentials;
    private final Supplier<ConnectionTester> connections;

    /** The descriptor Jenkins creates. */
    public PveHostDescriptor() {
        this(
                PermissionChecker.jenkins(),
                ValidationRenderer.jenkins(),
                CredentialsListing.jenkins(),
                () -> new PveConnectionTester(CredentialsLookup.global(), SecretReader.jenkins()));
    }

    /** With explicit collaborators (tests). */
    PveHostDescriptor(
            PermissionChecker permissions,
            ValidationRenderer renderer,
            CredentialsListing credentials,
            Supplier<ConnectionTester> connections) {
        super(PveHostConfig.class);
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    @Override
    public String getDisplayName() {
        return "Proxmox VE host";
    }

    @POST
    public FormValidation doCheckId(@QueryParameter String value) {
        return check(HostChecks.id(value));
    }

    @POST
    public FormValidation doCheckApiUrl(@QueryParameter String value) {
        return check(HostChecks.apiUrl(value));
    }

    @POST
    public FormValidation doCheckNode(@QueryParameter String value) {
        return check(HostChecks.node(value));
    }

    @POST
    public FormValidation doCheckFingerprint(@QueryParameter String value) {
        return check(HostChecks.fingerprint(value));
    }

    @POST
    public FormValidation doCheckTokenCredentialsId(@QueryParameter String value) {
        return check(HostChecks.requiredCredentials(value, "\"Secret text\" credential with the API token"));
    }

    @POST
    public FormValidation doCheckSshHostKeyFingerprint(
            @QueryParameter String value, @QueryParameter String sshCredentialsId) {
        return check(HostChecks.sshHostKeyFingerprint(value, sshCredentialsId));
    }

    @POST
    public FormValidation doCheckTemplate(@QueryParameter String value) {
        return check(HostChecks.template(value));
    }

    @POST
    public FormValidation doCheckStorage(@QueryParameter String value) {
        return check(HostChecks.storage(value));
    }

    @POST
    public FormValidation doCheckPool(@QueryParameter String value) {
        return check(HostChecks.pool(value));
    }

    @POST
    public FormValidation doCheckBridge(@QueryParameter String value) {
        return check(HostChecks.bridge(value));
    }

    @POST
    public FormValidation doCheckVlan(@QueryParameter String value) {
        return check(HostChecks.vlan(value));
    }

    @POST
    public FormValidation doCheckAllowedVlans(@QueryParameter String value) {
        return check(HostChecks.allowedVlans(value));
    }

    @POST
    public FormValidation doCheckMaxKeepOnFailure(@QueryParameter String value) {
        return check(HostChecks.maxKeepOnFailure(value));
    }

    @POST
    public FormValidation doCheckVmidRangeStart(@QueryParameter String value, @QueryParameter String vmidRangeEnd) {
        return check(HostChecks.vmidRange(value, vmidRangeEnd));
    }

    @POST
    public FormValidation doCheckVmidRangeEnd(@QueryParameter String vmidRangeStart, @QueryParameter String value) {
        return check(HostChecks.vmidRange(vmidRangeStart, value));
    }

    @POST
    public FormValidation doCheckStaticPoolCidr(@QueryParameter String addressing, @QueryParameter String value) {
        return check(AddressingChecks.pool(addressing, value));
    }

    @POST
    public FormValidation doCheckStaticGateway(
            @QueryParameter String addressing, @QueryParameter String staticPoolCidr, @QueryParameter String value) {
        return check(AddressingChecks.gateway(addressing, staticPoolCidr, value));
    }

    @POST
    public FormValidation doCheckGuestRootPasswordCredentialsId(@QueryParameter String value) {
        return check(HostChecks.unusedTemplatePassword(value));
    }

    @POST
    public ListBoxModel doFillTokenCredentialsIdItems(@QueryParameter String tokenCredentialsId) {
        return fill(StringCredentials.class, tokenCredentialsId);
    }

    @POST
    public ListBoxModel doFillSshCredentialsIdItems(@QueryParameter String sshCredentialsId) {
        return fill(SSHUserPrivateKey.class, sshCredentialsId);
    }

    @POST
    public ListBoxModel doFillGuestRootPasswordCredentialsIdItems(
            @QueryParameter String guestRootPasswordCredentialsId) {
        return fill(StandardUsernamePasswordCredentials.class, guestRootPasswordCredentialsId);
    }

    /**
     * Logs in to the host with the entered address, pin and token and reports the PVE version and the node.
     * Administrators only: it reads a credential and connects out.
     */
    @POST
    public FormValidation doTestConnection(
            @QueryParameter String apiUrl,
            @QueryParameter String node,
            @QueryParameter String fingerprint,
            @QueryParameter String tokenCredentialsId) {
        permissions.checkAdminister();
        for (Validation v :
                new Validation[] {HostChecks.apiUrl(apiUrl), HostChecks.node(node), HostChecks.fingerprint(fingerprint)
                }) {
            if (v.isError()) {
                return renderer.render(v);
            }
        }
        PveHostConfig probe = new PveHostConfig("connection-test");
        probe.setApiUrl(apiUrl);
        probe.setNode(node);
        probe.setFingerprint(fingerprint);
        probe.setTokenCredentialsId(tokenCredentialsId);
        return renderer.render(connections.get().test(probe));
    }

    private FormValidation check(Validation validation) {
        permissions.checkAdminister();
        return renderer.render(validation);
    }

    private ListBoxModel fill(Class<? extends StandardCredentials> type, String current) {
        if (!permissions.canAdminister()) {
            return new ListBoxModel();
        }
        return credentials.list(type, current);
    }
}
