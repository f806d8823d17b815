package io.jenkins.plugins.nestedpve.sim.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated LAN of one simulator: a loopback block {@code 127.77.N.0/24}, with the physical host
 * at {@code .1}, DHCP leases from {@code .100-.199} and {@code .10-.99} left for static cloud-init
 * addresses. Inside the simulation only {@code 127.0.0.0/16} counts as loopback, so these addresses
 * behave like LAN addresses. Thread-safe.
 */
public final class Lan {
    /** First and last host part of the DHCP pool. */
    public static final int DHCP_FIRST = 100;

    public static final int DHCP_LAST = 199;
    /** First and last host part of the static pool. */
    public static final int STATIC_FIRST = 10;

    public static final int STATIC_LAST = 99;

    private final int block;
    private final int dhcpLast;
    private final Map<String, String> leases = new HashMap<>();
    private final Map<String, PveMachine> machines = new HashMap<>();

    public Lan(int block) {
        this(block, DHCP_LAST - DHCP_FIRST + 1);
    }

    /**
     * A LAN whose DHCP pool holds only {@code dhcpPoolSize} addresses from {@code .100} on (tests
     * of lease reuse).
     */
    public Lan(int block, int dhcpPoolSize) {
        if (block < 1 || block > 254) {
            throw new IllegalArgumentException("loopback block must be 1..254, got " + block);
        }
        if (dhcpPoolSize < 1 || dhcpPoolSize > DHCP_LAST - DHCP_FIRST + 1) {
            throw new IllegalArgumentException("DHCP pool size must be 1..100, got " + dhcpPoolSize);
        }
        this.block = block;
        this.dhcpLast = DHCP_FIRST + dhcpPoolSize - 1;
    }

    /** N in 127.77.N.0/24. */
    public int block() {
        return block;
    }

    /** {@code 127.77.N.<host>}. */
    public String address(int host) {
        return "127.77." + block + "." + host;
    }

    public String gateway() {
        return address(1);
    }

    /** The static pool, in order (for tests and the tool's config). */
    public List<String> staticPool() {
        List<String> out = new ArrayList<>();
        for (int i = STATIC_FIRST; i <= STATIC_LAST; i++) {
            out.add(address(i));
        }
        return out;
    }

    /** The DHCP lease of a MAC address: stable per MAC, first free address of the pool. */
    public synchronized String lease(String mac) {
        String key = mac.toUpperCase(java.util.Locale.ROOT);
        String have = leases.get(key);
        if (have != null) {
            return have;
        }
        for (int i = DHCP_FIRST; i <= dhcpLast; i++) {
            String ip = address(i);
            if (!leases.containsValue(ip) && !machines.containsKey(ip)) {
                leases.put(key, ip);
                return ip;
            }
        }
        throw new SimFailure("DHCP pool 127.77." + block + ".100-" + dhcpLast + " exhausted: " + leases.size()
                + " leases held - destroy guests to return theirs");
    }

    /** Returns a MAC's lease to the pool (its VM was destroyed). */
    public synchronized void release(String mac) {
        if (mac != null) {
            leases.remove(mac.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** Registers the machine answering on {@code ip}; fails if another one already does. */
    public synchronized void attach(String ip, PveMachine machine) {
        PveMachine other = machines.get(ip);
        if (other != null && other != machine) {
            throw new SimFailure("address " + ip + " already in use by node '" + other.nodeName() + "'");
        }
        machines.put(ip, machine);
    }

    public synchronized void detach(String ip, PveMachine machine) {
        machines.remove(ip, machine);
    }

    /** The machine answering on {@code ip}, if any. */
    public synchronized Optional<PveMachine> machine(String ip) {
        return Optional.ofNullable(machines.get(ip));
    }

    /** All machines on the LAN. */
    public synchronized List<PveMachine> machines() {
        return new ArrayList<>(machines.values());
    }

    /** Loopback as the simulation sees it: 127.0.0.0/16 and ::1, not the 127.77 LAN. */
    public static boolean isLoopback(String ip) {
        return ip.startsWith("127.0.") || ip.equals("::1");
    }
}
