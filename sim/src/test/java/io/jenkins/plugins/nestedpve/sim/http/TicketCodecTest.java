package io.jenkins.plugins.nestedpve.sim.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TicketCodecTest {
    private static final byte[] KEY = "key-1".getBytes(StandardCharsets.UTF_8);
    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(0x6621D3E5L));
    private final TicketCodec codec = new TicketCodec(clock);

    @Test
    void ticketHasPveFormatWithUppercaseHexTime() {
        assertThat(codec.issueTicket("root@pam", KEY)).startsWith("PVE:root@pam:6621D3E5::");
    }

    @Test
    void colonInUserIdIsEscapedAndRoundTrips() {
        String ticket = codec.issueTicket("a:b@pve", KEY);

        assertThat(ticket).startsWith("PVE:a%3Ab@pve:");
        assertThat(codec.verifyTicket(ticket, KEY)).isEmpty(); // ':' is not allowed in a PVE user name
    }

    @Test
    void ticketVerifiesToItsUser() {
        assertThat(codec.verifyTicket(codec.issueTicket("alice@pve", KEY), KEY)).contains("alice@pve");
    }

    @Test
    void tamperedUserIsRejected() {
        String ticket = codec.issueTicket("alice@pve", KEY).replace("alice", "mallory");

        assertThat(codec.verifyTicket(ticket, KEY)).isEmpty();
    }

    @Test
    void ticketFromOtherKeyIsRejected() {
        String ticket = codec.issueTicket("root@pam", "key-2".getBytes(StandardCharsets.UTF_8));

        assertThat(codec.verifyTicket(ticket, KEY)).isEmpty();
    }

    @Test
    void ticketIssuedUpToFiveMinutesAheadIsAccepted() {
        String ticket = codec.issueTicket("root@pam", KEY);
        clock.advance(Duration.ofSeconds(-299));

        assertThat(codec.verifyTicket(ticket, KEY)).isPresent();
    }

    @Test
    void csrfTokenHasTimeAnd43CharacterSignature() {
        assertThat(codec.issueCsrf("root@pam", KEY)).matches("6621D3E5:[A-Za-z0-9+/]{43}");
    }

    @Test
    void csrfTokenIsBoundToItsUser() {
        String token = codec.issueCsrf("root@pam", KEY);

        assertThat(codec.verifyCsrf(token, "root@pam", KEY)).isTrue();
        assertThat(codec.verifyCsrf(token, "alice@pve", KEY)).isFalse();
    }

    @Test
    void csrfTokenExpiresWithTheTicketLifetime() {
        String token = codec.issueCsrf("root@pam", KEY);
        clock.advance(Duration.ofHours(2));

        assertThat(codec.verifyCsrf(token, "root@pam", KEY)).isFalse();
    }
}
