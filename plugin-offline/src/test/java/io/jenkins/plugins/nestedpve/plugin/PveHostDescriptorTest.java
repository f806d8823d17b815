package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.util.ListBoxModel;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kohsuke.stapler.verb.POST;
import org.springframework.security.access.AccessDeniedException;

class PveHostDescriptorTest {
    static final String FP =
            "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";

    private final RecordingRenderer renderer = new RecordingRenderer();
    private final RecordingListing listing = new RecordingListing();
    private final List<PveHostConfig> tested = new ArrayList<>();

    private PveHostDescriptor descriptor(FakePermissions permissions) {
        return new PveHostDescriptor(permissions, renderer, listing, () -> host -> {
            tested.add(host);
            return Validation.ok("connected");
        });
    }

    static Stream<Method> handlers() {
        return FormHandlers.of(PveHostDescriptor.class).stream();
    }

    @Test
    void coversEveryFieldAndTheConnectionTest() {
        assertThat(handlers().map(Method::getName))
                .contains("doCheckApiUrl", "doCheckFingerprint", "doCheckVmidRangeStart", "doCheckStaticPoolCidr")
                .contains("doFillTokenCredentialsIdItems", "doFillSshCredentialsIdItems")
                .contains("doFillGuestRootPasswordCredentialsIdItems", "doTestConnection")
                .contains("doCheckAllowedVlans", "doCheckMaxKeepOnFailure", "doCheckPool")
                .hasSize(22);
    }

    @ParameterizedTest
    @MethodSource("handlers")
    void everyHandlerIsPostOnly(Method handler) {
        assertThat(handler.isAnnotationPresent(POST.class)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("handlers")
    void everyHandlerAsksForAdministerAndGivesNothingWithoutIt(Method handler) throws Throwable {
        FakePermissions nobody = FakePermissions.nobody();
        PveHostDescriptor d = descriptor(nobody);

        if (handler.getName().startsWith("doFill")) {
            assertThat((ListBoxModel) FormHandlers.call(d, handler, "token-id")).isEmpty();
        } else {
            assertThatThrownBy(() -> FormHandlers.call(d, handler, "https://pve.example.org:8006"))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(nobody.checks).isEqualTo(1);
        assertThat(renderer.rendered).isEmpty();
        assertThat(listing.calls).isEmpty();
        assertThat(tested).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("handlers")
    void everyHandlerAnswersAnAdministrator(Method handler) throws Throwable {
        FakePermissions admin = FakePermissions.admin();

        FormHandlers.call(descriptor(admin), handler, "x");

        assertThat(admin.checks).isEqualTo(1);
        assertThat(renderer.rendered.size() + listing.calls.size()).isEqualTo(1);
    }

    @Test
    void apiUrlOverPlainHttpIsAnError() {
        descriptor(FakePermissions.admin()).doCheckApiUrl("http://pve.example.org:8006");

        assertThat(renderer.last().kind()).isEqualTo(Validation.Kind.ERROR);
        assertThat(renderer.last().message()).contains("is not an https URL");
    }

    @Test
    void fingerprintInPveFormIsAccepted() {
        descriptor(FakePermissions.admin()).doCheckFingerprint(FP.toLowerCase());

        assertThat(renderer.last()).isEqualTo(Validation.ok());
    }

    @Test
    void vmidRangeStartAboveEndIsReportedOnTheStartField() {
        descriptor(FakePermissions.admin()).doCheckVmidRangeStart("5000", "4000");

        assertThat(renderer.last().message()).contains("with start <= end");
    }

    @Test
    void anAllowedVlanThatIsNoTagIsAnError() {
        descriptor(FakePermissions.admin()).doCheckAllowedVlans("10, 20x");

        assertThat(renderer.last().message()).contains("'20x' is not a VLAN tag");
    }

    @Test
    void aMaximumKeepOnFailureThatIsNoDurationIsAnError() {
        descriptor(FakePermissions.admin()).doCheckMaxKeepOnFailure("forever");

        assertThat(renderer.last().isError()).isTrue();
    }

    @Test
    void gatewayOutsideThePoolIsAnError() {
        descriptor(FakePermissions.admin()).doCheckStaticGateway("STATIC", "10.20.0.0/24", "10.21.0.1");

        assertThat(renderer.last().message()).contains("is not within the gateway's subnet 10.21.0.1/24");
    }

    @Test
    void tokenDropDownListsSecretTextCredentials() {
        ListBoxModel answer = descriptor(FakePermissions.admin()).doFillTokenCredentialsIdItems("pve-token");

        assertThat(listing.calls).containsExactly("StringCredentials:pve-token");
        assertThat(answer).isSameAs(listing.answers.get(0));
    }

    @Test
    void sshDropDownListsPrivateKeyCredentials() {
        descriptor(FakePermissions.admin()).doFillSshCredentialsIdItems(null);

        assertThat(listing.calls).containsExactly("SSHUserPrivateKey:null");
    }

    @Test
    void guestPasswordDropDownListsUsernamePasswordCredentials() {
        descriptor(FakePermissions.admin()).doFillGuestRootPasswordCredentialsIdItems("root-pw");

        assertThat(listing.calls).containsExactly("StandardUsernamePasswordCredentials:root-pw");
    }

    @Test
    void connectionTestRefusesAnInvalidAddressWithoutConnecting() {
        descriptor(FakePermissions.admin()).doTestConnection("pve.example.org", "pve1", FP, "pve-token");

        assertThat(tested).isEmpty();
        assertThat(renderer.last().kind()).isEqualTo(Validation.Kind.ERROR);
    }

    @Test
    void connectionTestHandsTheEnteredFieldsToTheTester() {
        descriptor(FakePermissions.admin()).doTestConnection("https://pve.example.org:8006", "pve1", FP, "pve-token");

        assertThat(tested).singleElement().satisfies(h -> {
            assertThat(h.getApiUrl()).isEqualTo("https://pve.example.org:8006");
            assertThat(h.getNode()).isEqualTo("pve1");
            assertThat(h.getFingerprint()).isEqualTo(FP);
            assertThat(h.getTokenCredentialsId()).isEqualTo("pve-token");
        });
        assertThat(renderer.last()).isEqualTo(Validation.ok("connected"));
    }
}
