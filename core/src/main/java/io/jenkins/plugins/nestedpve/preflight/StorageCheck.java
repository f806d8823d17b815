package io.jenkins.plugins.nestedpve.preflight;

import io.jenkins.plugins.nestedpve.pve.StorageInfo;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The storage check: every storage the clones allocate on (the template's, or a full clone's own)
 * is known on the node, holds VM images, is enabled and active — PVE refuses a disabled one ({@code
 * storage '<id>' is disabled}, pve-storage:src/PVE/Storage.pm {@code storage_check_enabled}) and
 * {@code active} is unset when it is not accessible (schema of {@code GET /nodes/{node}/storage}).
 */
final class StorageCheck {
    private static final String CHECK = "storage";

    private final ClusterSpec spec;
    private final String node;
    private final Consumer<PreflightItem> out;

    StorageCheck(ClusterSpec spec, String node, Consumer<PreflightItem> out) {
        this.spec = spec;
        this.node = node;
        this.out = out;
    }

    /** Whether the clones go to a storage of their own (a full clone naming one). */
    boolean ownStorage() {
        return spec.fullClone() && spec.storage().isPresent();
    }

    Void check(List<StorageInfo> all, Set<String> templateStorages) {
        Collection<String> needed = ownStorage() ? List.of(spec.storage().get()) : templateStorages;
        List<String> ok = new ArrayList<>();
        for (String sid : needed) {
            Optional<StorageInfo> s =
                    all.stream().filter(x -> sid.equals(x.storage())).findFirst();
            Optional<String> problem = s.isEmpty() ? Optional.of(unknown(sid, all)) : problem(s.get());
            problem.ifPresentOrElse(
                    p -> out.accept(PreflightItem.fail(CHECK, CHECK, p)),
                    () -> ok.add(sid + " (" + gib(s.get().avail()) + " free)"));
        }
        if (ok.size() == needed.size()) {
            out.accept(
                    PreflightItem.pass(CHECK, needed.isEmpty() ? "no disk storage to check" : String.join(", ", ok)));
        }
        return null;
    }

    private String unknown(String sid, List<StorageInfo> all) {
        return "storage '" + sid + "' is not known on " + node + " (known: "
                + all.stream().map(StorageInfo::storage).toList() + ") — name a storage of " + node
                + "; the token also needs Datastore.Audit or Datastore.AllocateSpace on it";
    }

    private Optional<String> problem(StorageInfo s) {
        String sid = s.storage();
        if (!s.holdsImages()) {
            return Optional.of("storage '" + sid + "' on " + node + " does not hold VM images (content " + s.content()
                    + ") — use a storage with content 'images', e.g. local-lvm");
        }
        if (!s.enabled()) {
            return Optional.of("storage '" + sid + "' is disabled — enable it in Datacenter → Storage, or use another");
        }
        if (!s.active()) {
            return Optional.of("storage '" + sid + "' is not active on " + node + " (not accessible) — check its"
                    + " backend (e.g. the NFS server or the volume group) or use another storage");
        }
        return Optional.empty();
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024.0 * 1024.0));
    }
}
