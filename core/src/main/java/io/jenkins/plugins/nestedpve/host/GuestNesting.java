package io.jenkins.plugins.nestedpve.host;

/**
 * What a guest exposes for nested virtualization.
 *
 * @param node the guest's node name
 * @param mode {@link NestingMode#HARDWARE} when both checks pass, {@link NestingMode#EMULATED}
 *     otherwise, {@link NestingMode#UNKNOWN} when not checked (policy {@code skip})
 * @param virtFlagLines lines of {@code /proc/cpuinfo} with {@code vmx} or {@code svm} (-1: not checked)
 * @param devKvm whether {@code /dev/kvm} exists
 */
public record GuestNesting(String node, NestingMode mode, int virtFlagLines, boolean devKvm) {}
