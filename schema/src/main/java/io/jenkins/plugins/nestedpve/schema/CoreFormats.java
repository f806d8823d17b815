package io.jenkins.plugins.nestedpve.schema;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Identifier and misc formats of pve-common:src/PVE/JSONSchema.pm (names as registered there). */
final class CoreFormats {
    private static final Pattern URLENCODED = Rx.of("^[-%a-zA-Z0-9_.!~*'()]*$");
    private static final Pattern CONFIGID = Rx.of("(?i)^[a-z][a-z0-9_-]+$");
    private static final Pattern ID = Rx.of("(?i)^[a-z][a-z0-9\\-\\_\\.]*[a-z0-9]$");
    private static final Pattern BRIDGE = Rx.of("^[-_.\\w\\d]+$");
    private static final Pattern VMID = Rx.of("^[1-9][0-9]{2,8}$");
    private static final Pattern NODE = Rx.of("^([a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?)$");
    private static final Pattern LDAP_ATTR = Rx.of("^[a-zA-Z0-9]+$");
    private static final String EMAIL_USER = "[\\w\\+\\-\\~]+(\\.[\\w\\+\\-\\~]+)*";
    private static final Pattern EMAIL = Rx.of("^" + EMAIL_USER + "@[a-zA-Z0-9\\-]+(\\.[a-zA-Z0-9\\-]+)*$");
    private static final Pattern EMAIL_USER_ONLY = Rx.of("^" + EMAIL_USER + "$");
    private static final Pattern SIZE = Rx.of("^(\\d+(\\.\\d+)?)([KMGT](?:iB)?)?$");
    private static final Pattern TAG = Rx.of("(?i)^[a-z0-9_][a-z0-9_\\-\\+\\.]*$");
    private static final Pattern TASK_STATUS = Rx.of("(?i)^(ok|error|warning|unknown)$");
    private static final Pattern STARTUP_ORDER = Rx.of("^(order=)?(\\d+)$");
    private static final Pattern STARTUP_DELAY = Rx.of("^(up|down)=(\\d+)$");
    private static final Pattern BLANK = Rx.of("^\\s*$");
    private static final Pattern PAIR = Rx.of("^([^:]+):([^:]+)$");

    private CoreFormats() {}

    static void register(Map<String, CodeFormat> f, Dialect dialect) {
        f.put("string", v -> {});
        f.put("urlencoded", v -> Rx.require(URLENCODED, v, "invalid urlencoded string: " + v));
        f.put("pve-configid", v -> Rx.require(CONFIGID, v, "invalid configuration ID '" + v + "'"));
        f.put("pve-storage-id", v -> parseId(v, "storage", dialect));
        f.put("acme-plugin-id", v -> parseId(v, "ACME plugin", dialect));
        f.put("pve-bridge-id", v -> Rx.require(BRIDGE, v, "invalid bridge ID '" + v + "'"));
        f.put("pve-vmid", v -> Rx.require(VMID, v, "value does not look like a valid VM ID"));
        f.put("pve-node", v -> Rx.require(NODE, v, "value does not look like a valid node name"));
        f.put(
                "ldap-simple-attr",
                v -> Rx.require(LDAP_ATTR, v, "value '" + v + "' does not look like a simple ldap attribute name"));
        f.put("email", v -> Rx.require(EMAIL, v, "value does not look like a valid email address"));
        f.put("email-or-username", v -> {
            if (!Rx.ok(EMAIL, v) && !Rx.ok(EMAIL_USER_ONLY, v)) {
                throw FormatException.die("value does not look like a valid email address or user name");
            }
        });
        f.put("disk-size", v -> Rx.require(SIZE, v, "value does not look like a valid disk size: " + v));
        f.put("pve-startup-order", CoreFormats::startupOrder);
        f.put("pve-tag", v -> Rx.require(TAG, v, "invalid characters in tag"));
        f.put("pve-task-status-type", v -> Rx.require(TASK_STATUS, v, "invalid status '" + v + "'"));
        CodeFormat storageId = f.get("pve-storage-id");
        CodeFormat bridgeId = f.get("pve-bridge-id");
        f.put("storage-pair", v -> idPair(v, storageId));
        f.put("bridge-pair", v -> idPair(v, bridgeId));
    }

    // parse_id; the minimum-length message exists since pve-common 9.1 (see Dialect)
    private static void parseId(String id, String type, Dialect dialect) throws FormatException {
        if (dialect.idMinLength() && id.codePointCount(0, id.length()) < 2) {
            throw FormatException.die(type + " ID '" + id + "' cannot be shorter than 2 characters");
        }
        Rx.require(ID, id, type + " ID '" + id + "' contains illegal characters");
    }

    // pve_verify_startup_order: pve_parse_startup_order must return a (possibly empty) hash
    private static void startupOrder(String value) throws FormatException {
        boolean ok = Perl.truthy(value);
        for (String part : value.split(",")) {
            if (!ok || Rx.ok(BLANK, part)) {
                continue;
            }
            ok = Rx.ok(STARTUP_ORDER, part) || Rx.ok(STARTUP_DELAY, part);
        }
        if (!ok) {
            throw FormatException.die("unable to parse startup options");
        }
    }

    // verify_storagepair / verify_bridgepair: parse_idmap, whose die text is re-died with "\n"
    private static void idPair(String input, CodeFormat idFormat) throws FormatException {
        try {
            parseIdMap(input, idFormat);
        } catch (FormatException e) {
            throw new FormatException(e.perlText() + "\n");
        }
    }

    private static void parseIdMap(String idmap, CodeFormat idFormat) throws FormatException {
        if (!Perl.truthy(idmap)) {
            return;
        }
        boolean identity = false;
        boolean hasDefault = false;
        java.util.Set<String> sources = new java.util.HashSet<>();
        for (String entry : Perl.splitList(idmap)) {
            Matcher m = PAIR.matcher(entry);
            if ("1".equals(entry)) {
                identity = true;
            } else if (m.find()) {
                invalidId(entry, idFormat, m.group(1), m.group(2));
                if (!sources.add(m.group(1))) {
                    throw FormatException.die("duplicate mapping for source '" + m.group(1) + "'");
                }
            } else {
                invalidId(entry, idFormat, entry);
                if (hasDefault) {
                    throw FormatException.die("default target ID can only be provided once");
                }
                hasDefault = true;
            }
        }
        if (identity && (hasDefault || !sources.isEmpty())) {
            throw FormatException.die("identity mapping cannot be combined with other mappings");
        }
    }

    private static void invalidId(String entry, CodeFormat idFormat, String... ids) throws FormatException {
        try {
            for (String id : ids) {
                idFormat.check(id);
            }
        } catch (FormatException e) {
            throw FormatException.die("entry '" + entry + "' contains invalid ID - " + e.perlText());
        }
    }
}
