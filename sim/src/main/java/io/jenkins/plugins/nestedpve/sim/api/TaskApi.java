package io.jenkins.plugins.nestedpve.sim.api;

import io.jenkins.plugins.nestedpve.sim.http.ApiException;
import io.jenkins.plugins.nestedpve.sim.http.ApiRequest;
import io.jenkins.plugins.nestedpve.sim.http.ApiResult;
import io.jenkins.plugins.nestedpve.sim.http.Principal;
import io.jenkins.plugins.nestedpve.sim.model.Perms;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.model.SimTask;
import io.jenkins.plugins.nestedpve.sim.model.Upid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Task status, log paging and list (pve-manager:PVE/API2/Tasks.pm; pve-facts §2.3, §2.4). A token
 * sees only its own tasks, a user its own and its tokens'; others need Sys.Audit on the node.
 */
final class TaskApi {
    private final PveMachine self;

    TaskApi(PveMachine self) {
        this.self = self;
    }

    void register(Registrar r) {
        r.add("GET", "/nodes/{node}/tasks", NodeRouting.on(self, this::list));
        r.add("GET", "/nodes/{node}/tasks/{upid}/status", NodeRouting.on(self, (m, req) -> status(m, req)));
        r.add("GET", "/nodes/{node}/tasks/{upid}/log", NodeRouting.on(self, this::log));
        r.add("DELETE", "/nodes/{node}/tasks/{upid}", NodeRouting.on(self, this::stop));
    }

    private static SimTask find(PveMachine m, ApiRequest req) {
        String text = req.param("upid");
        Upid upid = Upid.parse(text).orElseThrow(() -> ApiException.param("upid", "unable to parse worker upid"));
        return m.tasks()
                .find(upid.toString())
                .or(() -> m.tasks().find(text))
                .orElseThrow(() -> ApiException.param("upid", "no such task"));
    }

    private SimTask task(PveMachine m, ApiRequest req) {
        SimTask t = find(m, req);
        if (!visible(m, req.principal(), t)) {
            throw ApiException.forbidden("/nodes/" + m.nodeName() + ", Sys.Audit");
        }
        return t;
    }

    /** Tasks.pm check_task_user: a token owns only its tasks, a user its own and its tokens'. */
    private static boolean owns(Principal who, SimTask t) {
        String owner = t.upid().user();
        return owner.equals(who.fullId()) || (!who.isToken() && owner.startsWith(who.userid() + "!"));
    }

    private static boolean visible(PveMachine m, Principal who, SimTask t) {
        return owns(who, t) || new Perms(m.pmxcfs().users()).has(who, "/nodes/" + m.nodeName(), "Sys.Audit");
    }

    /**
     * {@code DELETE .../tasks/{upid}} (Tasks.pm stop_task): the owner, or Sys.Modify on the node,
     * sends the worker SIGTERM; a task that already ended is left alone. Returns null either way.
     */
    private Object stop(PveMachine m, ApiRequest req) {
        SimTask t = find(m, req);
        if (!owns(req.principal(), t)) {
            new Perms(m.pmxcfs().users()).require(req.principal(), "/nodes/" + m.nodeName(), "Sys.Modify");
        }
        m.tasks().stop(t);
        return null;
    }

    private Map<String, Object> status(PveMachine m, ApiRequest req) {
        return describe(task(m, req));
    }

    static Map<String, Object> describe(SimTask t) {
        Upid u = t.upid();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("upid", u.toString());
        s.put("node", u.node());
        s.put("pid", u.pid());
        s.put("pstart", u.pstart());
        s.put("starttime", u.starttime());
        s.put("type", u.type());
        s.put("id", u.id());
        String user = u.user();
        int bang = user.indexOf('!');
        s.put("user", bang < 0 ? user : user.substring(0, bang));
        if (bang >= 0) {
            s.put("tokenid", user.substring(bang + 1));
        }
        s.put("status", t.running() ? "running" : "stopped");
        t.exitstatus().ifPresent(x -> s.put("exitstatus", x));
        return s;
    }

    private Object log(PveMachine m, ApiRequest req) {
        SimTask t = task(m, req);
        List<String> lines = t.lines();
        int start = req.param("start") == null ? 0 : Args.integer(req, "start");
        int limit = req.param("limit") == null ? 50 : Args.integer(req, "limit");
        List<Map<String, Object>> out = new ArrayList<>();
        if (lines.isEmpty()) {
            out.add(Map.of("n", 1, "t", "no content"));
            return ApiResult.withTotal(out, 1);
        }
        int end = limit == 0 ? lines.size() : Math.min(lines.size(), start + limit);
        for (int i = Math.max(0, start); i < end; i++) {
            out.add(Map.of("n", i + 1, "t", lines.get(i)));
        }
        return ApiResult.withTotal(out, lines.size());
    }

    private Object list(PveMachine m, ApiRequest req) {
        String vmid = req.param("vmid");
        String type = req.param("typefilter");
        String source = req.param("source") == null ? "archive" : req.param("source");
        int start = req.param("start") == null ? 0 : Args.integer(req, "start");
        int limit = req.param("limit") == null ? 50 : Args.integer(req, "limit");
        List<SimTask> all = new ArrayList<>(m.tasks().list());
        java.util.Collections.reverse(all);
        List<Map<String, Object>> out = new ArrayList<>();
        for (SimTask t : all) {
            boolean running = t.running();
            if ((vmid != null && !vmid.equals(t.upid().id()))
                    || (type != null && !type.equals(t.upid().type()))
                    || (source.equals("active") && !running)
                    || (source.equals("archive") && running)
                    || !visible(m, req.principal(), t)) {
                continue;
            }
            Map<String, Object> e = describe(t);
            e.remove("exitstatus");
            t.exitstatus().ifPresent(x -> e.put("status", x));
            if (!running) {
                e.put("endtime", t.endtime());
            }
            out.add(e);
        }
        int to = Math.min(out.size(), start + limit);
        return ApiResult.withTotal(start >= to ? List.of() : out.subList(start, to), out.size());
    }
}
