package io.jenkins.plugins.nestedpve.cluster;

import io.jenkins.plugins.nestedpve.spec.VmidRange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Picks free VMIDs from a range, lowest first, given the ids in use (from {@code
 * /cluster/resources}). Pure and deterministic. PVE's {@code nextid} reserves nothing (pve-facts
 * §3.2), so the provisioner still treats "already exists" on clone as a collision: it re-reads the
 * used ids and asks again.
 */
public final class VmidAllocator {
    private VmidAllocator() {}

    /**
     * The lowest {@code count} ids of {@code range} not in {@code used}, ascending.
     *
     * @throws VmidRangeExhaustedException naming the range and how many ids are free
     */
    public static List<Integer> allocate(VmidRange range, Collection<Integer> used, int count) {
        Set<Integer> taken = new HashSet<>(used);
        List<Integer> free = new ArrayList<>(count);
        for (long id = range.start(); id <= range.end() && free.size() < count; id++) {
            if (!taken.contains((int) id)) {
                free.add((int) id);
            }
        }
        if (free.size() < count) {
            throw new VmidRangeExhaustedException(range, free.size(), count);
        }
        return List.copyOf(free);
    }

    /** The lowest free id of {@code range}, if any. */
    public static OptionalInt next(VmidRange range, Collection<Integer> used) {
        Set<Integer> taken = new HashSet<>(used);
        for (long id = range.start(); id <= range.end(); id++) {
            if (!taken.contains((int) id)) {
                return OptionalInt.of((int) id);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * The first free id of {@code range} at or after {@code from}, wrapping to the range's start:
     * after a collision with another process, callers start at a random point instead of all
     * moving to the same next id.
     */
    public static OptionalInt nextFrom(VmidRange range, Collection<Integer> used, long from) {
        Set<Integer> taken = new HashSet<>(used);
        long start = Math.max(range.start(), Math.min(range.end(), from));
        for (long i = 0; i < range.size(); i++) {
            long id = start + i > range.end() ? start + i - range.size() : start + i;
            if (!taken.contains((int) id)) {
                return OptionalInt.of((int) id);
            }
        }
        return OptionalInt.empty();
    }

    /** How many ids of {@code range} are not in {@code used}. */
    public static long freeCount(VmidRange range, Collection<Integer> used) {
        long inRange = new HashSet<>(used).stream().filter(range::contains).count();
        return range.size() - inRange;
    }
}
