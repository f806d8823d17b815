package io.jenkins.plugins.nestedpve.pve;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PVE task id: {@code UPID:<node>:<pid>:<pstart>:<starttime>:<type>:<id>:<user>:} (pve-facts §2.2,
 * pve-common:src/PVE/UPID.pm). The task lives on {@link #node()}; poll it there.
 *
 * @param value the UPID text exactly as PVE returned it
 * @param node node that runs the task
 * @param pid worker process id
 * @param pstart process start time in clock ticks since boot
 * @param startTime when the task started
 * @param type task type, e.g. {@code qmclone}
 * @param id task id, e.g. the <em>source</em> VMID of a clone; may be empty
 * @param user {@code user@realm} or {@code user@realm!tokenid}
 */
public record Upid(
        String value, String node, long pid, long pstart, Instant startTime, String type, String id, String user)
        implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern UPID = Pattern.compile("UPID:([a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)"
            + ":([0-9A-Fa-f]{8}):([0-9A-Fa-f]{8,9}):([0-9A-Fa-f]{8}):([^:\\s]+):([^:\\s]*):([^:\\s]+):");

    public Upid {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(user, "user");
    }

    /**
     * Parses a UPID (hex digits of either case; the trailing colon is required).
     *
     * @throws IllegalArgumentException saying what a UPID looks like
     */
    public static Upid parse(String text) {
        Matcher m = UPID.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a PVE task id; expected"
                    + " UPID:<node>:<pid>:<pstart>:<starttime>:<type>:<id>:<user>: with hex pid/pstart/starttime,"
                    + " e.g. UPID:pve1:0002A3F1:00C3B2A0:6621D3E5:qmclone:9000:root@pam:");
        }
        return new Upid(
                m.group(0),
                m.group(1),
                Long.parseLong(m.group(2), 16),
                Long.parseLong(m.group(3), 16),
                Instant.ofEpochSecond(Long.parseLong(m.group(4), 16)),
                m.group(5),
                m.group(6),
                m.group(7));
    }

    /** The user without a token part, e.g. {@code root@pam}. */
    public String userid() {
        int bang = user.indexOf('!');
        return bang < 0 ? user : user.substring(0, bang);
    }

    /** The token name when a token started the task, else {@code null}. */
    public String tokenId() {
        int bang = user.indexOf('!');
        return bang < 0 ? null : user.substring(bang + 1);
    }

    /** A short description, e.g. {@code qmclone 9000 on pve}. */
    public String describe() {
        return type + (id.isEmpty() ? "" : " " + id) + " on " + node;
    }

    @Override
    public String toString() {
        return value;
    }
}
