package io.jenkins.plugins.nestedpve.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.testsupport.SimClients;
import io.jenkins.plugins.nestedpve.sim.Simulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The waiting line's pool writes after an unknown outcome: the state decides, nothing is lost or doubled. */
class PoolTicketHealingTest {
    private static final String UNAVAILABLE = "Service Unavailable\n";
    private Simulator sim;
    private PveClient pve;
    private PoolTicketBoard board;
    private final RoomTicket ticket = new RoomTicket(
            1,
            RoomTicket.State.WAITING,
            UUID.randomUUID(),
            "lease-1",
            "np-a",
            4096,
            Instant.parse("2026-12-08T03:00:00Z"),
            Instant.parse("2026-12-08T04:00:00Z"));

    @BeforeEach
    void start() {
        sim = Simulator.builder().latencyScale(0.001).ssh(false).start();
        pve = SimClients.rootTicket(sim);
        board = new PoolTicketBoard(pve, Clock.systemUTC(), d -> {}, Duration.ofMillis(1));
    }

    @AfterEach
    void stop() {
        pve.close();
        sim.close();
    }

    @Test
    void aTicketWhoseCreateWasLostBeforeItRanIsCreatedAgain() {
        sim.faults().failApiCall("POST", "/pools$", 503, UNAVAILABLE, false);

        board.put(ticket);

        assertThat(board.tickets()).containsExactly(ticket);
    }

    @Test
    void aTicketWhoseCreateRanButWhoseAnswerWasLostIsKept() {
        sim.faults().failApiCall("POST", "/pools$", 503, UNAVAILABLE, true);

        board.put(ticket);

        assertThat(board.tickets()).containsExactly(ticket);
    }

    @Test
    void aTicketUpdateWhoseAnswerWasLostIsSentAgain() {
        board.put(ticket);
        RoomTicket admitted = ticket.admitted(Instant.parse("2026-12-08T03:01:00Z"), ticket.until());
        sim.faults().failApiCall("PUT", "/pools/", 503, UNAVAILABLE, false);

        board.put(admitted);

        assertThat(board.tickets()).containsExactly(admitted);
    }

    @Test
    void aRemoveWhoseAnswerWasLostLeavesNoTicket() {
        board.put(ticket);
        sim.faults().failApiCall("DELETE", "/pools/", 503, UNAVAILABLE, true);

        board.remove(ticket.lease());

        assertThat(board.tickets()).isEmpty();
    }
}
