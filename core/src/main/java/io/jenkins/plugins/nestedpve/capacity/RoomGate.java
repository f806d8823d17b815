package io.jenkins.plugins.nestedpve.capacity;

import io.jenkins.plugins.nestedpve.lifecycle.EngineContext;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import java.util.function.Consumer;

/**
 * Where provisioning waits for its room, after the spec passed the preflight and before anything is created:
 * in the host's shared line when the token may keep it in the host's pools ({@link PoolTicketBoard}),
 * otherwise in the engine's own line ({@link Rooms#local(String)}).
 */
public final class RoomGate {
    private RoomGate() {}

    /** The board for {@code spec}'s host: the host's pools when the token may, else the engine's own line. */
    public static TicketBoard board(EngineContext ctx, PveClient host, ClusterSpec spec) {
        return PoolTicketBoard.allowed(host)
                ? new PoolTicketBoard(
                        host, ctx.clock(), ctx.sleeper(), lockRetry(ctx.rooms().settings()))
                : ctx.rooms().local(spec.host().id());
    }

    /**
     * Waits for the room of {@code spec}'s cluster under {@code lease}.
     *
     * @param say receives the waiting lines and heartbeats
     * @throws NoRoomException when it never fits or found no room within {@code capacityTimeout}
     * @throws InterruptedException when interrupted (cancelled) while waiting; nothing is left in line
     */
    public static Admission admit(
            EngineContext ctx, PveClient host, ClusterSpec spec, String lease, Consumer<String> say)
            throws InterruptedException {
        TicketBoard board = board(ctx, host, spec);
        return new RoomWait(
                        board,
                        new RoomReader(host),
                        ctx.clock(),
                        ctx.sleeper(),
                        ctx.rooms().settings(),
                        say)
                .await(RoomRequest.of(spec, lease));
    }

    /** Tries for a held room lock a tenth as often as the room is looked at, at least every 50 ms. */
    static java.time.Duration lockRetry(Rooms.Settings s) {
        java.time.Duration d = s.poll().dividedBy(10);
        return d.compareTo(java.time.Duration.ofMillis(50)) < 0 ? java.time.Duration.ofMillis(50) : d;
    }
}
