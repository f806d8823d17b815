package io.jenkins.plugins.nestedpve.spec.file;

import io.jenkins.plugins.nestedpve.cluster.GuestCredentials;
import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.host.NestingPolicy;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.spec.ClusterSpecBuilder;
import io.jenkins.plugins.nestedpve.spec.Placement;
import io.jenkins.plugins.nestedpve.spec.SpecProblem;
import io.jenkins.plugins.nestedpve.spec.SpecRules;
import io.jenkins.plugins.nestedpve.spec.SpecValidationException;
import io.jenkins.plugins.nestedpve.spec.Timeouts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a spec file's parsed YAML into a {@link Content}: every key checked (unknown keys with a "did you mean"
 * hint, literal secrets refused with how to pass them), secrets read from the environment or files, and the {@link
 * ClusterSpec} built and checked by {@link SpecRules}. All problems of a file are reported at once, each naming the
 * field by its path in the file. The CLI reads the file and parses the YAML; this reads what it holds.
 */
public final class SpecFileReader {
    static final Set<String> KEYS = Set.of(
            "host",
            "template",
            "nodes",
            "cores",
            "memoryMiB",
            "clone",
            "storage",
            "bridge",
            "vlanTag",
            "addressing",
            "clusterName",
            "nodeNamePrefix",
            "nesting",
            "smokeCheck",
            "smokeCheckContainer",
            "vmidRange",
            "timeouts",
            "keepOnFailure",
            "capacityTimeout",
            "replacements",
            "owner",
            "buildRef",
            "guest",
            "outputDir",
            "placement");
    static final Map<String, String> SECRETS = Map.of(
            "token", "write 'tokenId' and 'tokenEnv: PVE_TOKEN' (or 'tokenFile: /path') under host",
            "apiToken", "write 'tokenId' and 'tokenEnv: PVE_TOKEN' (or 'tokenFile: /path') under host",
            "password", "write 'rootPasswordEnv: VARIABLE' (or 'rootPasswordFile: /path') under guest",
            "rootPassword", "write 'rootPasswordEnv: VARIABLE' (or 'rootPasswordFile: /path') under guest");
    /** Core field names that the file spells differently. */
    private static final Map<String, String> FIELD_NAMES = Map.of(
            "host.apiFingerprint", "host.fingerprint",
            "host.apiToken", "host.tokenId",
            "guestSshPort", "guest.sshPort",
            "guestApiPort", "guest.apiPort");

    private static final Pattern RANGE = Pattern.compile("\\s*([0-9]+)\\s*(?:-|\\.\\.)\\s*([0-9]+)\\s*");

    /**
     * What the file may leave out.
     *
     * @param owner who asks, e.g. {@code alice@buildbox}
     * @param buildRef what asks, e.g. {@code nestedpve run}
     * @param installationId this installation's UUID
     */
    public record Defaults(String owner, String buildRef, UUID installationId) {}

    /**
     * What a spec file gave; {@link #toString()} shows no secret.
     *
     * @param spec the checked cluster spec
     * @param hostCredentials the API token (and SSH credentials) for the physical host
     * @param guestCredentials how to log in to fresh clones, or null when the file gives none
     * @param outputDir where the descriptor and inventory are written
     * @param warnings things worth telling the user that do not stop anything
     */
    public record Content(
            ClusterSpec spec,
            HostCredentials hostCredentials,
            GuestCredentials guestCredentials,
            Path outputDir,
            List<String> warnings) {
        public Content {
            warnings = List.copyOf(warnings);
        }
    }

    private final Map<String, String> env;
    private final Function<String, Path> resolve;
    private final Defaults defaults;

    /**
     * @param env the environment the {@code *Env} keys name variables of
     * @param resolve turns a path written in the file into a file (relative to the spec file's directory)
     * @param defaults what the file may leave out
     */
    public SpecFileReader(Map<String, String> env, Function<String, Path> resolve, Defaults defaults) {
        this.env = env;
        this.resolve = resolve;
        this.defaults = defaults;
    }

    /** Every key a spec file may hold, dotted ({@code host.ssh.port}), for the documentation. */
    public static Set<String> knownKeys() {
        Set<String> keys = new TreeSet<>(KEYS);
        HostReader.KEYS.forEach(k -> keys.add("host." + k));
        HostReader.SSH_KEYS.forEach(k -> keys.add("host.ssh." + k));
        GuestReader.KEYS.forEach(k -> keys.add("guest." + k));
        AddressingReader.KEYS.forEach(k -> keys.add("addressing." + k));
        Timeouts.defaults().byName().keySet().forEach(k -> keys.add("timeouts." + k));
        return keys;
    }

    /** A YAML value as messages show it: {@code 'text'}, {@code a list}, {@code the number 5}. */
    public static String describe(Object value) {
        return YamlSection.describe(value);
    }

    /**
     * Reads {@code root}, the file's top-level mapping; without {@code guestSecrets} the guest's credentials are
     * not read.
     *
     * @throws SpecValidationException listing every problem, each named by its path in the file
     */
    public Content read(Map<?, ?> root, boolean guestSecrets) {
        Problems problems = new Problems();
        List<String> warnings = new ArrayList<>();
        SecretReader secrets = new SecretReader(env, resolve, warnings::add);
        YamlSection r = new YamlSection("", root, problems);
        r.rejectUnknown(KEYS, SECRETS);
        ClusterSpecBuilder b = ClusterSpec.builder()
                .owner(defaults.owner())
                .buildRef(defaults.buildRef())
                .installationId(defaults.installationId());
        Optional<HostReader.Host> host = new HostReader(secrets).read(r);
        host.ifPresent(h -> b.host(h.ref()));
        r.section("host").flatMap(h -> h.string("pool")).ifPresent(b::pool);
        r.section("host").flatMap(h -> h.integer("reserveMiB")).ifPresent(b::hostReserveMiB);
        shape(r, b);
        naming(r, b);
        AddressingReader.read(r).ifPresent(b::addressing);
        timeouts(r).ifPresent(b::timeouts);
        GuestCredentials guest =
                new GuestReader(secrets).read(r, b, guestSecrets).orElse(null);
        if (guest != null) {
            warnings.add("guest: the template's root password or key is no longer used — a new guest is reached"
                    + " with a key made for the cluster and placed through its guest agent"
                    + " (docs/security-guest-trust.md); remove guest.rootPassword*/privateKeyFile");
        }
        Path outputDir = resolve.apply(r.string("outputDir").orElse("nested-pve-out"));
        ClusterSpec spec = build(b, problems);
        if (!problems.isEmpty() || host.isEmpty() || host.get().credentials() == null) {
            throw new SpecValidationException(problems.list());
        }
        return new Content(spec, host.get().credentials(), guest, outputDir, warnings);
    }

    private void shape(YamlSection r, ClusterSpecBuilder b) {
        template(r, b);
        r.integer("nodes").ifPresent(b::nodes);
        r.integer("cores").ifPresent(b::cores);
        r.integer("memoryMiB").ifPresent(b::memoryMiB);
        String clone = r.string("clone").orElse("linked");
        Optional<String> storage = r.string("storage");
        if (clone.equalsIgnoreCase("full")) {
            b.fullClone(storage.orElse(null));
        } else if (clone.equalsIgnoreCase("linked")) {
            storage.ifPresent(b::storage);
        } else {
            r.problems().add("clone", "'" + clone + "' is not a clone mode — use linked (the default) or full");
        }
        r.string("bridge").ifPresent(b::bridge);
        r.integer("vlanTag").ifPresent(b::vlanTag);
        r.bool("smokeCheck").ifPresent(b::smokeCheck);
        r.bool("smokeCheckContainer").ifPresent(b::smokeCheckContainer);
        r.duration("keepOnFailure").ifPresent(b::keepOnFailure);
        r.duration("capacityTimeout").ifPresent(b::capacityTimeout);
        r.string("placement").map(Placement::parse).ifPresent(b::placement);
        r.integer("replacements").ifPresent(b::replacements);
        vmidRange(r, b);
    }

    private void naming(YamlSection r, ClusterSpecBuilder b) {
        r.string("clusterName").ifPresent(b::clusterName);
        r.string("nodeNamePrefix").ifPresent(b::nodeNamePrefix);
        r.string("owner").ifPresent(b::owner);
        r.string("buildRef").ifPresent(b::buildRef);
        r.string("nesting").ifPresent(n -> {
            try {
                b.nesting(NestingPolicy.parse(n));
            } catch (IllegalArgumentException e) {
                r.problems().add("nesting", e.getMessage().replaceFirst("^nesting: ", ""));
            }
        });
    }

    private static void template(YamlSection r, ClusterSpecBuilder b) {
        Object t = r.raw("template");
        if (t instanceof Integer || t instanceof Long || t instanceof String) {
            try {
                b.template(SpecRules.templateRef(String.valueOf(t)));
            } catch (SpecValidationException e) {
                e.problems().forEach(p -> r.problems().add(p.field(), p.message()));
            }
        } else if (t != null) {
            r.problems()
                    .add(
                            "template",
                            "must be the template's VMID (9000) or its name (pve84-tmpl), got "
                                    + YamlSection.describe(t));
        }
    }

    private static void vmidRange(YamlSection r, ClusterSpecBuilder b) {
        Object v = r.raw("vmidRange");
        if (v instanceof String s) {
            Matcher m = RANGE.matcher(s);
            if (m.matches() && m.group(1).length() <= 9 && m.group(2).length() <= 9) {
                b.vmidRange(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                return;
            }
        } else if (v instanceof Map<?, ?>) {
            YamlSection range = r.section("vmidRange").orElseThrow();
            range.rejectUnknown(Set.of("start", "end"), Map.of());
            Optional<Integer> start = range.integer("start");
            Optional<Integer> end = range.integer("end");
            if (start.isPresent() && end.isPresent()) {
                b.vmidRange(start.get(), end.get());
            } else if (start.isEmpty() != end.isEmpty() || !range.problems().covers("vmidRange")) {
                r.problems().add("vmidRange", "needs both start and end, e.g. start: 80000 and end: 80999");
            }
            return;
        } else if (v == null) {
            return;
        }
        r.problems().add("vmidRange", "must be a range like 80000-80999, got " + YamlSection.describe(v));
    }

    private static Optional<Timeouts> timeouts(YamlSection r) {
        return r.section("timeouts").map(t -> {
            Map<String, Duration> values =
                    new LinkedHashMap<>(Timeouts.defaults().byName());
            t.rejectUnknown(values.keySet(), Map.of());
            values.keySet().forEach(k -> t.duration(k).ifPresent(d -> values.put(k, d)));
            return new Timeouts(
                    values.get("cloneTask"),
                    values.get("boot"),
                    values.get("ssh"),
                    values.get("command"),
                    values.get("join"),
                    values.get("quorum"),
                    values.get("teardown"),
                    values.get("overall"));
        });
    }

    /** {@code problems} with the core's field names spelt as in the spec file. */
    public static List<SpecProblem> fileFields(List<SpecProblem> problems) {
        return problems.stream()
                .map(p -> new SpecProblem(FIELD_NAMES.getOrDefault(p.field(), p.field()), p.message()))
                .toList();
    }

    /** Builds the spec; its problems join those of the file (one per field: the file's own come first). */
    private static ClusterSpec build(ClusterSpecBuilder b, Problems problems) {
        try {
            return b.build();
        } catch (SpecValidationException e) {
            for (SpecProblem p : e.problems()) {
                String field = FIELD_NAMES.getOrDefault(p.field(), p.field());
                if (!problems.covers(field)) {
                    problems.add(field, p.message());
                }
            }
            return null;
        }
    }
}
