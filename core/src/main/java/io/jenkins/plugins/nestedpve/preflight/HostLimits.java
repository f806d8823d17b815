package io.jenkins.plugins.nestedpve.preflight;

import io.jenkins.plugins.nestedpve.host.NestingPolicy;
import io.jenkins.plugins.nestedpve.spec.DurationText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An administrator's limits on what a cluster request may ask of one host, beyond the host's own
 * defaults: which bridges, VLAN tags, storages and templates a request may pick instead of the
 * host's (empty list: any, as before limits existed), the largest guest memory and core count and
 * the longest keep-on-failure (0 / null: no cap). Nesting policy {@code enable} (which makes the
 * host reload its KVM module) is never a request's to make: only the host's own policy. Checked
 * before anything is created, as the {@value #CHECK} item of the preflight report; every problem names the
 * setting to change.
 *
 * @param bridges bridges a request may choose; the host's default is always allowed
 * @param vlans VLAN tags a request may choose (0 = untagged); the host's default is always allowed
 * @param storages storages a request may choose for full clones
 * @param templates templates (VMID or name) a request may choose
 * @param maxMemoryMiB largest memory per guest, 0 for no cap
 * @param maxCores largest core count per guest, 0 for no cap
 * @param maxKeepOnFailure longest keep-on-failure, null for no cap ({@link Duration#ZERO}: never)
 */
public record HostLimits(
        List<String> bridges,
        List<Integer> vlans,
        List<String> storages,
        List<String> templates,
        int maxMemoryMiB,
        int maxCores,
        Duration maxKeepOnFailure) {
    /** The name of the limits' item in the preflight report. */
    public static final String CHECK = "limits";

    /** No limit at all (the behaviour before limits existed). */
    public static final HostLimits NONE = new HostLimits(List.of(), List.of(), List.of(), List.of(), 0, 0, null);

    /**
     * What a request asks for where it departs from the host's defaults (null: the host's default).
     *
     * @param memoryMiB and {@code cores}: the request's values (always checked against the caps)
     * @param keepOnFailure null or zero when failed clusters are not kept
     */
    public record Request(
            String bridge,
            Integer vlan,
            String storage,
            String template,
            NestingPolicy nesting,
            int memoryMiB,
            int cores,
            Duration keepOnFailure) {}

    public HostLimits {
        bridges = List.copyOf(bridges);
        vlans = List.copyOf(vlans);
        storages = List.copyOf(storages);
        templates = List.copyOf(templates);
        if (maxMemoryMiB < 0 || maxCores < 0) {
            throw new IllegalArgumentException("caps must not be negative");
        }
        if (maxKeepOnFailure != null && maxKeepOnFailure.isNegative()) {
            throw new IllegalArgumentException("maxKeepOnFailure must not be negative");
        }
    }

    /**
     * The problems of {@code r} on host {@code hostId} whose own nesting policy is {@code
     * hostNesting}; empty when it is within the limits.
     *
     * @param where how to reach the host's settings, for the messages (e.g. "Manage Jenkins » System
     *     » Nested PVE, host 'lab'")
     */
    public List<String> problems(Request r, NestingPolicy hostNesting, String where) {
        List<String> out = new ArrayList<>();
        allowed("bridge", r.bridge(), bridges, where, "allowed bridges", out);
        allowed("vlan", r.vlan(), vlans, where, "allowed VLAN tags", out);
        allowed("storage", r.storage(), storages, where, "allowed storages", out);
        allowed("template", r.template(), templates, where, "allowed templates", out);
        if (r.nesting() == NestingPolicy.ENABLE && hostNesting != NestingPolicy.ENABLE) {
            out.add("nesting: 'enable' (reload the host's KVM module) is only possible as the host's own policy — an"
                    + " administrator sets \"Default nesting policy\" to ENABLE in " + where
                    + "; a step may ask for require, emulate or skip");
        }
        cap("memoryMiB", r.memoryMiB(), maxMemoryMiB, where, "maximum memory per guest (MiB)", out);
        cap("cores", r.cores(), maxCores, where, "maximum cores per guest", out);
        Duration keep = r.keepOnFailure() == null ? Duration.ZERO : r.keepOnFailure();
        if (maxKeepOnFailure != null && keep.compareTo(maxKeepOnFailure) > 0) {
            out.add("keepOnFailure: " + DurationText.format(keep) + " is longer than the host allows ("
                    + (maxKeepOnFailure.isZero()
                            ? "failed clusters are never kept"
                            : DurationText.format(maxKeepOnFailure))
                    + ") — ask for less, or an administrator raises \"maximum keep-on-failure\" in " + where);
        }
        return List.copyOf(out);
    }

    /**
     * The limits as an item of the preflight report ({@value #CHECK}): a pass, or a failure listing every problem
     * of {@link #problems}.
     */
    public PreflightItem item(Request r, NestingPolicy hostNesting, String where) {
        List<String> problems = problems(r, hostNesting, where);
        return problems.isEmpty()
                ? PreflightItem.pass(CHECK, "the request is within the host's limits")
                : new PreflightItem(CHECK, Verdict.FAIL, CHECK, String.join("; ", problems), "");
    }

    private static <T> void allowed(
            String field, T value, List<T> list, String where, String setting, List<String> out) {
        if (value != null && !list.isEmpty() && !list.contains(value)) {
            out.add(field + ": '" + value + "' is not among the host's " + setting + " " + list
                    + " — use one of them, leave " + field + " unset for the host's default, or an administrator adds"
                    + " it to \"" + setting + "\" in " + where);
        }
    }

    private static void cap(String field, int value, int max, String where, String setting, List<String> out) {
        if (max > 0 && value > max) {
            out.add(field + ": " + value + " is above the host's " + setting + " of " + max + " — ask for at most "
                    + max + ", or an administrator raises it in " + where);
        }
    }

    /** Splits an allow-list as administrators write it: names separated by commas or white space. */
    public static List<String> names(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\s]+"))
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }

    /**
     * Splits a VLAN allow-list: tags 0 (untagged) to 4094, separated by commas or white space.
     *
     * @throws IllegalArgumentException naming the first entry that is not a tag
     */
    public static List<Integer> vlans(String text) {
        List<Integer> tags = new ArrayList<>();
        for (String s : names(text)) {
            int tag;
            try {
                tag = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                tag = -1;
            }
            if (tag < 0 || tag > 4094) {
                throw new IllegalArgumentException("'" + s + "' is not a VLAN tag: use numbers from 1 to 4094, or 0"
                        + " for untagged, separated by commas or spaces");
            }
            tags.add(tag);
        }
        return List.copyOf(tags);
    }
}
