package io.jenkins.plugins.nestedpve.sim.api;

import io.jenkins.plugins.nestedpve.sim.model.CtMigrate;
import io.jenkins.plugins.nestedpve.sim.model.CtService;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /nodes/{node}/lxc...} and the template listing of {@code local} (pve-facts §12). */
final class LxcApi {
    private final PveMachine self;

    LxcApi(PveMachine self) {
        this.self = self;
    }

    void register(Registrar r) {
        String ct = "/nodes/{node}/lxc/{vmid}";
        r.add("GET", "/nodes/{node}/lxc", NodeRouting.on(self, (m, req) -> new CtService(m).list(req.principal())));
        r.add(
                "POST",
                "/nodes/{node}/lxc",
                NodeRouting.on(self, (m, req) -> new CtService(m).create(Args.flat(req), req.principal())));
        r.add(
                "GET",
                ct + "/status/current",
                NodeRouting.on(self, (m, req) -> new CtService(m).status(Args.vmid(req), req.principal())));
        r.add(
                "GET",
                ct + "/config",
                NodeRouting.on(self, (m, req) -> new CtService(m).config(Args.vmid(req), req.principal())));
        r.add(
                "POST",
                ct + "/status/start",
                NodeRouting.on(self, (m, req) -> new CtService(m).start(Args.vmid(req), req.principal())));
        r.add(
                "POST",
                ct + "/status/stop",
                NodeRouting.on(self, (m, req) -> new CtService(m).stop(Args.vmid(req), false, req.principal())));
        r.add(
                "POST",
                ct + "/status/shutdown",
                NodeRouting.on(self, (m, req) -> new CtService(m).stop(Args.vmid(req), true, req.principal())));
        r.add(
                "DELETE",
                ct,
                NodeRouting.on(
                        self,
                        (m, req) ->
                                new CtService(m).destroy(Args.vmid(req), req.flag("force", false), req.principal())));
        r.add(
                "POST",
                ct + "/migrate",
                NodeRouting.on(
                        self, (m, req) -> new CtMigrate(m).migrate(Args.vmid(req), Args.flat(req), req.principal())));
        r.add(
                "GET",
                ct + "/migrate",
                NodeRouting.on(self, (m, req) -> new CtMigrate(m).precondition(Args.vmid(req), req.principal())));
        r.add("GET", "/nodes/{node}/storage/{storage}/content", NodeRouting.on(self, (m, req) -> {
            String sid = req.param("storage");
            new io.jenkins.plugins.nestedpve.sim.model.Perms(m.pmxcfs().users())
                    .requireAny(req.principal(), "/storage/" + sid, "Datastore.Audit", "Datastore.AllocateSpace");
            return content(m, sid, req.param("content"));
        }));
    }

    /** Templates ({@code vztmpl}) on {@code local}: {@code local:vztmpl/<file>} (pve-storage Plugin.pm). */
    private static List<Map<String, Object>> content(PveMachine m, String storage, String content) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (!"local".equals(storage) || (content != null && !content.equals("vztmpl"))) {
            return out;
        }
        for (String f : m.fs().list(CtService.TEMPLATE_DIR)) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("volid", "local:vztmpl/" + f);
            e.put("content", "vztmpl");
            e.put("format", f.endsWith(".tar.zst") ? "tzst" : "tgz");
            e.put(
                    "size",
                    m.fs().read(CtService.TEMPLATE_DIR + f).map(String::length).orElse(0) + 130_000_000L);
            e.put("ctime", m.bootedAt() == null ? 0 : m.bootedAt().getEpochSecond() - 86_400);
            out.add(e);
        }
        return out;
    }
}
