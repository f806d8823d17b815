package io.jenkins.plugins.nestedpve.preflight;

/**
 * What the physical host has, from {@code GET /nodes/{node}/status} (pve-facts §4).
 *
 * @param memoryTotalBytes {@code memory.total}
 * @param memoryAvailableBytes {@code memory.available} (reclaimable caches included); use {@code
 *     memory.free} when the host does not report {@code available}
 * @param cpus {@code cpuinfo.cpus}, the logical CPUs
 */
public record HostCapacity(long memoryTotalBytes, long memoryAvailableBytes, int cpus) {}
