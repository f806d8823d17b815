package io.jenkins.plugins.nestedpve.sim.shell.programs;

import io.jenkins.plugins.nestedpve.sim.shell.HostKeys;
import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import io.jenkins.plugins.nestedpve.sim.shell.ShellContext;
import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code ssh-keygen -A}, {@code -l[f] FILE}, {@code -y -f FILE}, {@code -t TYPE [-b BITS] [-N PASS]
 * [-C COMMENT] [-f FILE] [-q]}. Passphrases are accepted but keys are stored unencrypted.
 */
final class SshKeygen {
    private final ShellContext ctx;

    SshKeygen(ShellContext ctx) {
        this.ctx = ctx;
    }

    private String comment() {
        return "root@" + Hosts.kernelHostname(ctx.fs());
    }

    int run(Invocation inv) throws InterruptedException {
        Opts o = Opts.parse(inv.params(), "tbNCfEFRP");
        if (o.has('A')) {
            List<HostKeys.Type> made = HostKeys.generateMissing(ctx.fs(), comment(), ctx.rsaKeyBits(), ctx.random());
            if (!made.isEmpty()) {
                inv.out()
                        .println("ssh-keygen: generating new host keys: "
                                + made.stream().map(HostKeys.Type::display).collect(Collectors.joining(" ")) + " ");
            }
            return 0;
        }
        if (o.has('l')) {
            return fingerprint(inv, o.value('f', null));
        }
        if (o.has('y')) {
            return printPublic(inv, o.value('f', null));
        }
        return generate(inv, o);
    }

    private int fingerprint(Invocation inv, String file) {
        if (file == null) {
            inv.err().println("ssh-keygen: -l requires -f FILE in the simulator");
            return 255;
        }
        VirtualFs fs = ctx.fs();
        String path = Inputs.path(inv, file);
        Optional<String> content = fs.read(path);
        if (content.isEmpty()) {
            inv.err().println(file + ": No such file or directory");
            return 255;
        }
        Optional<String> pub = fs.read(path + ".pub").or(() -> content);
        boolean any = false;
        for (String line : pub.get().split("\n")) {
            Optional<PublicKey> key = HostKeys.parsePublic(line);
            if (key.isPresent()) {
                String[] words = line.trim().split("\\s+", 3);
                String comment = words.length > 2 ? words[2] : "no comment";
                inv.out().println(describe(key.get(), comment));
                any = true;
            }
        }
        if (!any) {
            Optional<KeyPair> pair = HostKeys.parsePrivate(content.get());
            if (pair.isEmpty()) {
                inv.err().println(file + " is not a public key file.");
                return 255;
            }
            inv.out().println(describe(pair.get().getPublic(), "no comment"));
        }
        return 0;
    }

    static String describe(PublicKey key, String comment) {
        return HostKeys.bits(key) + " " + HostKeys.fingerprint(key) + " " + comment + " (" + HostKeys.displayType(key)
                + ")";
    }

    private int printPublic(Invocation inv, String file) {
        Optional<KeyPair> pair = file == null
                ? Optional.empty()
                : ctx.fs().read(Inputs.path(inv, file)).flatMap(HostKeys::parsePrivate);
        if (pair.isEmpty()) {
            inv.err().println("Load key \"" + file + "\": invalid format");
            return 255;
        }
        inv.out().println(HostKeys.publicKeyLine(pair.get().getPublic(), null));
        return 0;
    }

    private int generate(Invocation inv, Opts o) throws InterruptedException {
        String typeName = o.value('t', "ed25519");
        Optional<HostKeys.Type> type = HostKeys.Type.named(typeName);
        if (type.isEmpty()) {
            inv.err().println("unknown key type " + typeName);
            return 255;
        }
        String file = o.value('f', "/root/.ssh/id_" + type.get().fileName());
        String path = Inputs.path(inv, file);
        VirtualFs fs = ctx.fs();
        boolean quiet = o.has('q');
        if (fs.exists(path)) {
            inv.out().print(file + " already exists.\nOverwrite (y/n)? ");
            inv.out().flush();
            String answer = Inputs.stdin(inv).trim();
            if (!answer.startsWith("y")) {
                return 1;
            }
        }
        if (!fs.isDirectory(VirtualFs.resolve(path, ".."))) {
            inv.err().println("Saving key \"" + file + "\" failed: No such file or directory");
            return 1;
        }
        int bits = Integer.parseInt(o.value('b', Integer.toString(ctx.rsaKeyBits())));
        String comment = o.value('C', comment());
        KeyPair pair = HostKeys.generate(type.get(), bits, ctx.random());
        fs.write(path, HostKeys.privateKeyText(pair, comment));
        fs.write(path + ".pub", HostKeys.publicKeyLine(pair.getPublic(), comment) + "\n");
        if (!quiet) {
            inv.out().println("Generating public/private " + type.get().fileName() + " key pair.");
            inv.out().println("Your identification has been saved in " + file);
            inv.out().println("Your public key has been saved in " + file + ".pub");
            inv.out().println("The key fingerprint is:");
            inv.out().println(HostKeys.fingerprint(pair.getPublic()) + " " + comment);
            inv.out().println("The key's randomart image is:");
            inv.out().print(RandomArt.render(pair.getPublic(), type.get().display(), HostKeys.bits(pair.getPublic())));
        }
        return 0;
    }
}
