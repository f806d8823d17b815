/**
 * Room on a physical host and the line of clusters waiting for it: what a host can still take, read from the
 * host itself ({@link io.jenkins.plugins.nestedpve.capacity.HostRoom}), tickets in a FIFO line shared by every
 * installation through the host's resource pools ({@link io.jenkins.plugins.nestedpve.capacity.PoolTicketBoard}),
 * and the bounded, abortable wait for room ({@link io.jenkins.plugins.nestedpve.capacity.RoomWait}).
 */
package io.jenkins.plugins.nestedpve.capacity;
