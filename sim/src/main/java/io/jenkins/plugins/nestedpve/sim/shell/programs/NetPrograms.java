package io.jenkins.plugins.nestedpve.sim.shell.programs;

import io.jenkins.plugins.nestedpve.sim.shell.Command;
import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import io.jenkins.plugins.nestedpve.sim.shell.MachineFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code ip addr|route} from {@link MachineFiles#IP_ADDR}, {@code getent hosts|ahosts|passwd}. */
final class NetPrograms {
    private NetPrograms() {}

    static void register(Map<String, Command> programs) {
        programs.put("ip", NetPrograms::ip);
        programs.put("getent", NetPrograms::getent);
    }

    private static int ip(Invocation inv) {
        List<String> words = new ArrayList<>();
        boolean oneline = false;
        boolean brief = false;
        boolean v6only = false;
        for (String a : inv.params()) {
            switch (a) {
                case "-o", "-oneline", "--oneline" -> oneline = true;
                case "-br", "-brief", "--brief" -> brief = true;
                case "-6" -> v6only = true;
                case "-4", "-c", "-color", "--color", "-d", "-s" -> {}
                default -> words.add(a);
            }
        }
        String object = words.isEmpty() ? "help" : words.get(0);
        List<String> rest = words.subList(Math.min(1, words.size()), words.size());
        if ("address".startsWith(object) && !object.isEmpty()) {
            return addresses(inv, rest, oneline, brief, v6only);
        }
        if ("route".startsWith(object)) {
            routes(inv, v6only);
            return 0;
        }
        inv.err().println("Object \"" + object + "\" is unknown, try \"ip help\".");
        return 255;
    }

    private static int addresses(Invocation inv, List<String> rest, boolean oneline, boolean brief, boolean v6only) {
        List<String> filtered = rest.stream()
                .filter(w -> !List.of("show", "list", "ls", "dev").contains(w))
                .toList();
        String dev = filtered.isEmpty() ? null : filtered.get(0);
        Map<String, List<IpConfig.Address>> byIf = new LinkedHashMap<>();
        for (IpConfig.Address a : IpConfig.read(inv.fs())) {
            byIf.computeIfAbsent(a.ifname(), k -> new ArrayList<>()).add(a);
        }
        if (dev != null && !byIf.containsKey(dev)) {
            inv.err().println("Device \"" + dev + "\" does not exist.");
            return 1;
        }
        int index = 0;
        for (Map.Entry<String, List<IpConfig.Address>> e : byIf.entrySet()) {
            index++;
            String name = e.getKey();
            if ((dev != null && !dev.equals(name)) || v6only) {
                continue;
            }
            boolean lo = name.equals("lo");
            if (brief) {
                String addrs = String.join(
                        " ", e.getValue().stream().map(IpConfig.Address::cidr).toList());
                inv.out().println(String.format(Locale.ROOT, "%-16s %-14s %s ", name, lo ? "UNKNOWN" : "UP", addrs));
                continue;
            }
            if (!oneline) {
                inv.out()
                        .println(
                                index + ": " + name
                                        + (lo
                                                ? ": <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000"
                                                : ": <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000"));
                String mac = e.getValue().get(0).mac();
                inv.out()
                        .println(
                                lo
                                        ? "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00"
                                        : "    link/ether " + mac + " brd ff:ff:ff:ff:ff:ff");
            }
            for (IpConfig.Address a : e.getValue()) {
                String inet =
                        "inet " + a.cidr() + (lo ? " scope host " : " brd " + a.broadcast() + " scope global ") + name;
                String lft = "valid_lft forever preferred_lft forever";
                inv.out()
                        .println(
                                oneline
                                        ? index + ": " + name + "    " + inet + "\\       " + lft
                                        : "    " + inet + "\n       " + lft);
            }
        }
        return 0;
    }

    private static void routes(Invocation inv, boolean v6only) {
        if (v6only) {
            return;
        }
        IpConfig.gateway(inv.fs())
                .ifPresent(
                        g -> inv.out().println("default via " + g.via() + " dev " + g.dev() + " proto kernel onlink "));
        for (IpConfig.Address a : IpConfig.read(inv.fs())) {
            if (!a.ifname().equals("lo")) {
                inv.out().println(a.network() + " dev " + a.ifname() + " proto kernel scope link src " + a.ip() + " ");
            }
        }
    }

    private static int getent(Invocation inv) {
        List<String> args = inv.params();
        if (args.isEmpty()) {
            inv.err().println("getent: wrong number of arguments");
            return 1;
        }
        String db = args.get(0);
        List<String> keys = args.subList(1, args.size());
        switch (db) {
            case "hosts", "ahosts", "ahostsv4":
                return hosts(inv, db, keys);
            case "passwd":
                String passwd = inv.fs().read(MachineFiles.PASSWD).orElse("root:x:0:0:root:/root:/bin/bash\n");
                boolean found = false;
                for (String line : passwd.split("\n")) {
                    if (keys.isEmpty() || keys.contains(line.split(":", 2)[0])) {
                        inv.out().println(line);
                        found = true;
                    }
                }
                return found ? 0 : 2;
            default:
                inv.err().println("Unknown database: " + db);
                inv.err().println("Try `getent --help' or `getent --usage' for more information.");
                return 1;
        }
    }

    private static int hosts(Invocation inv, String db, List<String> keys) {
        List<Hosts.Entry> entries = keys.isEmpty() ? Hosts.entries(inv.fs()) : new ArrayList<>();
        for (String key : keys) {
            List<Hosts.Entry> found = Hosts.lookup(inv.fs(), key);
            if (!found.isEmpty()) {
                entries.add(found.get(0));
            }
        }
        for (Hosts.Entry e : entries) {
            if (db.equals("hosts")) {
                inv.out().println(String.format(Locale.ROOT, "%-15s %s", e.address(), String.join(" ", e.names())));
            } else {
                inv.out()
                        .println(String.format(
                                Locale.ROOT,
                                "%-15s STREAM %s",
                                e.address(),
                                e.names().get(0)));
                inv.out().println(String.format(Locale.ROOT, "%-15s DGRAM  ", e.address()));
                inv.out().println(String.format(Locale.ROOT, "%-15s RAW    ", e.address()));
            }
        }
        return entries.isEmpty() || entries.size() < keys.size() ? 2 : 0;
    }
}
