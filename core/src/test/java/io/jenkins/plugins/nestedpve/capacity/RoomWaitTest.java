package io.jenkins.plugins.nestedpve.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.nestedpve.wait.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The wait in line on a manual clock: no real sleeping. */
class RoomWaitTest {
    private static final Rooms.Settings SETTINGS =
            new Rooms.Settings(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(2));

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LocalTicketBoard board = new LocalTicketBoard();
    private final List<String> said = new ArrayList<>();
    /** The node's free memory before margin and tickets: 16 GiB total, margin 1.6 GiB. */
    private final AtomicLong availableMiB = new AtomicLong(6 * 1024);

    private HostRoom room(String node, long reserve, java.util.Collection<RoomTicket> admitted) {
        long held = admitted.stream().mapToLong(RoomTicket::needMiB).sum();
        return new HostRoom(node, 16 * 1024, availableMiB.get(), 1024, reserve, 0, held, 8 * 1024, 8, List.of());
    }

    private RoomWait waiter() {
        return new RoomWait(board, this::room, clock, clock.sleeper(), SETTINGS, said::add);
    }

    private static RoomRequest request(String lease, long needMiB, Duration timeout) {
        return new RoomRequest(
                "lab", UUID.randomUUID(), lease, "np-" + lease, needMiB, 0, timeout, Duration.ofHours(1));
    }

    @Test
    void aClusterThatFitsIsAdmittedAtOnceAndHoldsItsRoomUntilClosed() throws Exception {
        Admission a = waiter().await(request("a", 4 * 1024, Duration.ofMinutes(30)));

        assertThat(a.waited()).isZero();
        assertThat(board.tickets())
                .singleElement()
                .extracting(RoomTicket::state)
                .isEqualTo(RoomTicket.State.ADMITTED);
        assertThat(said).singleElement().asString().startsWith("room on lab for np-a: needs 4 GiB");
        a.close();
        assertThat(board.tickets()).isEmpty();
    }

    @Test
    void noRoomWithinCapacityTimeoutFailsNamingTheShortfallAndLeavesNoTicket() {
        availableMiB.set(1024 + 6 * 1024); // 6 GiB free after the margin

        NoRoomException e = catchThrowableOfType(
                NoRoomException.class, () -> waiter().await(request("b", 12 * 1024, Duration.ofMinutes(5))));

        assertThat(e.getMessage())
                .startsWith("no room on lab within capacityTimeout 5m: np-b needs 12 GiB, 6 GiB free (6 GiB short")
                .endsWith("nothing was created");
        assertThat(e.shortMiB()).isEqualTo(6 * 1024);
        assertThat(board.tickets()).isEmpty();
        assertThat(said)
                .first()
                .asString()
                .isEqualTo("waiting for room on lab: first in line, np-b needs 12 GiB,"
                        + " 6 GiB free (line of this installation only)");
    }

    @Test
    void theWaitIsPrintedWithHeartbeatsAndEndsWhenRoomComesBack() throws Exception {
        availableMiB.set(1024 + 6 * 1024);
        RoomWait w = new RoomWait(
                board,
                this::room,
                clock,
                d -> {
                    clock.advance(d);
                    if (clock.instant().isAfter(Instant.parse("2026-01-01T00:02:30Z"))) {
                        availableMiB.set(1024 + 14 * 1024); // another cluster was torn down
                    }
                },
                SETTINGS,
                said::add);

        Admission a = w.await(request("c", 12 * 1024, Duration.ofMinutes(30)));

        assertThat(a.waited()).isEqualTo(Duration.ofSeconds(160));
        assertThat(said).filteredOn(l -> l.contains("(waiting 1m00s of 30m)")).hasSize(1);
        assertThat(said).filteredOn(l -> l.contains("(waiting 2m00s of 30m)")).hasSize(1);
        assertThat(said)
                .last()
                .asString()
                .isEqualTo("room on lab for np-c after waiting 2m40s: needs 12 GiB, 14 GiB free");
    }

    @Test
    void theLineIsFifoTheSecondWaitsForTheFirstEvenWhenItWouldFit() throws Exception {
        availableMiB.set(1024 + 6 * 1024);
        RoomQueue q = new RoomQueue(board, this::room, clock, SETTINGS.stale());
        RoomRequest big = request("big", 8 * 1024, Duration.ofMinutes(30));
        RoomRequest small = request("small", 2 * 1024, Duration.ofMinutes(30));
        RoomTicket first = q.enqueue(big);
        RoomTicket second = q.enqueue(small);

        RoomQueue.Decision d = q.decide(second, small);

        assertThat(d.admitted()).isFalse();
        assertThat(d.ahead()).isEqualTo(1);
        assertThat(first.seq()).isLessThan(second.seq());
    }

    @Test
    void aTicketBehindOthersIsAdmittedWhenItAndEveryoneAheadFitTogether() throws Exception {
        availableMiB.set(1024 + 6 * 1024);
        RoomQueue q = new RoomQueue(board, this::room, clock, SETTINGS.stale());
        RoomRequest first = request("first", 2 * 1024, Duration.ofMinutes(30));
        RoomRequest second = request("second", 2 * 1024, Duration.ofMinutes(30));
        q.enqueue(first);
        RoomTicket mine = q.enqueue(second);

        RoomQueue.Decision d = q.decide(mine, second);

        assertThat(d.admitted()).isTrue();
        assertThat(d.ahead()).isEqualTo(1);
    }

    @Test
    void aWaitingTicketWhoseHolderStoppedBeatingIsDroppedFromTheLine() throws Exception {
        RoomQueue q = new RoomQueue(board, this::room, clock, SETTINGS.stale());
        RoomRequest crashed = request("crashed", 8 * 1024, Duration.ofMinutes(30));
        RoomRequest next = request("next", 2 * 1024, Duration.ofMinutes(30));
        availableMiB.set(1024 + 6 * 1024);
        q.enqueue(crashed);
        RoomTicket mine = q.enqueue(next);
        clock.advance(Duration.ofMinutes(3));

        RoomQueue.Decision d = q.decide(mine, next);

        assertThat(d.admitted()).isTrue();
        assertThat(board.tickets()).extracting(RoomTicket::lease).containsExactly("next");
    }

    @Test
    void anInterruptWhileWaitingLeavesNoTicket() {
        availableMiB.set(1024 + 6 * 1024);
        RoomWait w = new RoomWait(
                board,
                this::room,
                clock,
                d -> {
                    throw new InterruptedException("cancelled");
                },
                SETTINGS,
                said::add);

        InterruptedException e = catchThrowableOfType(
                InterruptedException.class, () -> w.await(request("d", 12 * 1024, Duration.ofMinutes(30))));

        assertThat(e).isNotNull();
        assertThat(board.tickets()).isEmpty();
    }

    @Test
    void aClusterLargerThanTheHostCouldEverGiveFailsAtOnce() {
        NoRoomException e = catchThrowableOfType(
                NoRoomException.class, () -> waiter().await(request("e", 20 * 1024, Duration.ofMinutes(30))));

        assertThat(e.getMessage()).startsWith("np-e can never fit on lab: it needs 20 GiB");
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(board.tickets()).isEmpty();
    }
}
