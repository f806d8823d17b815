package io.jenkins.plugins.nestedpve.sim.shell.programs;

import io.jenkins.plugins.nestedpve.sim.shell.Command;
import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** base64, md5sum, sha1sum, sha256sum, sha512sum. */
final class Checksums {
    private Checksums() {}

    static void register(Map<String, Command> programs) {
        programs.put("base64", Checksums::base64);
        programs.put("md5sum", inv -> digest(inv, "MD5"));
        programs.put("sha1sum", inv -> digest(inv, "SHA-1"));
        programs.put("sha256sum", inv -> digest(inv, "SHA-256"));
        programs.put("sha512sum", inv -> digest(inv, "SHA-512"));
    }

    private static int base64(Invocation inv) throws InterruptedException {
        Opts o = Opts.parse(inv.params(), "w");
        String name = o.operands.isEmpty() ? "-" : o.operands.get(0);
        Optional<String> input = Inputs.read(inv, "base64", name);
        if (input.isEmpty()) {
            return 1;
        }
        if (o.has('d', "decode")) {
            try {
                byte[] decoded = Base64.getMimeDecoder().decode(input.get().replaceAll("\\s", ""));
                inv.out().write(decoded, 0, decoded.length);
                return 0;
            } catch (IllegalArgumentException e) {
                inv.err().println("base64: invalid input");
                return 1;
            }
        }
        String encoded = Base64.getEncoder().encodeToString(input.get().getBytes(StandardCharsets.UTF_8));
        int wrap = Integer.parseInt(o.value('w', o.longs.getOrDefault("wrap", "76")));
        if (wrap <= 0) {
            inv.out().println(encoded);
            return 0;
        }
        for (int i = 0; i < encoded.length(); i += wrap) {
            inv.out().println(encoded.substring(i, Math.min(encoded.length(), i + wrap)));
        }
        return 0;
    }

    private static int digest(Invocation inv, String algorithm) throws InterruptedException {
        Opts o = Opts.parse(inv.params(), "");
        String prog = inv.name().substring(inv.name().lastIndexOf('/') + 1);
        List<String> names = o.operands.isEmpty() ? List.of("-") : o.operands;
        int status = 0;
        for (String name : names) {
            Optional<String> content = Inputs.read(inv, prog, name);
            if (content.isEmpty()) {
                status = 1;
                continue;
            }
            inv.out().println(hex(algorithm, content.get()) + "  " + name);
        }
        return status;
    }

    static String hex(String algorithm, String content) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            return HexFormat.of().formatHex(md.digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }
}
