package io.jenkins.plugins.nestedpve.sim.model;

import io.jenkins.plugins.nestedpve.sim.http.ApiException;
import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The guest agent's {@code file-read} and {@code file-write} on the guest's file system, as
 * qemu-server:src/PVE/API2/Qemu/Agent.pm drives QGA's {@code guest-file-open/-read/-write/-close}:
 * file-read answers {@code {content, bytes-read[, truncated]}} (decoded unless {@code decode=0}),
 * file-write opens with mode {@code wb} (create or truncate) and answers null. Errors read {@code
 * Agent error: <QGA desc>} (qemu:qga/cutils.c {@code qga_open_cloexec}, qga/commands-posix.c {@code
 * qmp_guest_file_read}). File modes are not modelled (QGA creates new files 0666).
 */
final class AgentFiles {
    /** Agent.pm {@code $MAX_READ_SIZE}. */
    static final int MAX_READ = 16 * 1024 * 1024;

    private AgentFiles() {}

    static Map<String, Object> read(SimVm vm, Map<String, Object> params) {
        VirtualFs fs = fs(vm);
        String file = String.valueOf(params.get("file"));
        byte[] all = fs.read(file)
                .orElseThrow(() -> fs.isDirectory(file)
                        ? ApiException.die("Agent error: failed to read file: Is a directory")
                        : notFound(file))
                .getBytes(StandardCharsets.UTF_8);
        int offset = (int) Math.min(all.length, number(params.get("offset"), 0));
        long count = number(params.get("count"), MAX_READ);
        int end = (int) Math.min(all.length, offset + count);
        byte[] part = Arrays.copyOfRange(all, offset, end);
        boolean decode = number(params.get("decode"), 1) != 0;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "content",
                decode
                        ? new String(part, StandardCharsets.UTF_8)
                        : Base64.getEncoder().encodeToString(part));
        out.put("bytes-read", part.length);
        if (end < all.length) {
            out.put("truncated", 1);
        }
        return out;
    }

    static void write(SimVm vm, Map<String, Object> params) {
        VirtualFs fs = fs(vm);
        String file = String.valueOf(params.get("file"));
        String content = String.valueOf(params.get("content"));
        boolean encode = number(params.get("encode"), 1) != 0;
        if (!encode) {
            try {
                content = new String(Base64.getDecoder().decode(content.strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ApiException.die("Agent error: can't write to file");
            }
        }
        if (fs.isDirectory(file)) {
            throw ApiException.die("Agent error: Failed to open file '" + file + "': Is a directory");
        }
        String parent = file.substring(0, Math.max(1, file.lastIndexOf('/')));
        if (!fs.isDirectory(parent)) {
            throw notFound(file);
        }
        fs.write(file, content);
    }

    private static VirtualFs fs(SimVm vm) {
        PveMachine g = vm.guest();
        if (g == null) {
            // the agent answered ping, so a guest exists; without one there is nothing to open
            throw ApiException.die("QEMU guest agent is not running");
        }
        return g.fs();
    }

    private static ApiException notFound(String file) {
        return ApiException.die("Agent error: Failed to open file '" + file + "': No such file or directory");
    }

    private static long number(Object v, long dflt) {
        if (v == null) {
            return dflt;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
