package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.events.Outcome;
import io.jenkins.plugins.nestedpve.ssh.ExecResult;
import io.jenkins.plugins.nestedpve.ssh.ShellQuote;
import java.util.LinkedHashMap;
import java.util.Map;

/** Step 4: the APT sources switched to {@code trixie} deb822 files (see {@link SourcesConversion}). */
final class Repositories {
    /** Prints each sources file after a {@code ==> <path>} line. */
    static final String READ = "for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list"
            + " /etc/apt/sources.list.d/*.sources; do if [ -f \"$f\" ]; then echo \"==> $f\"; cat \"$f\"; fi; done";

    private Repositories() {}

    static Outcome run(Trial t, NodeState n, StepLog log) throws InterruptedException {
        NodeShell sh = n.shell(t);
        ExecResult r = sh.run(READ, t.timeouts().command());
        if (!r.ok()) {
            throw new StepFailure(
                    "reading the APT sources of " + n.name + " failed (exit " + r.exitCode() + "): " + r.tail(3));
        }
        SourcesConversion.Result c = SourcesConversion.convert(files(r.stdout()), t.plan());
        for (Map.Entry<String, String> w : c.writes().entrySet()) {
            sh.write(w.getKey(), w.getValue());
            log.note("wrote " + w.getKey() + ":");
            w.getValue().lines().forEach(l -> log.note("  " + l));
        }
        for (String old : c.renames()) {
            ExecResult mv = sh.run(
                    "mv -f " + ShellQuote.quote(old) + " " + ShellQuote.quote(old + ".bak"),
                    t.timeouts().command());
            if (!mv.ok()) {
                throw new StepFailure("could not rename " + old + " on " + n.name + ": " + mv.tail(2));
            }
            log.note("renamed " + old + " to " + old + ".bak");
        }
        c.notes().forEach(log::note);
        return Outcome.SUCCEEDED;
    }

    static Map<String, String> files(String listing) {
        Map<String, String> files = new LinkedHashMap<>();
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : listing.split("\n", -1)) {
            if (line.startsWith("==> ")) {
                if (current != null) {
                    files.put(current, body.toString());
                }
                current = line.substring(4).strip();
                body.setLength(0);
            } else if (current != null) {
                body.append(line).append('\n');
            }
        }
        if (current != null) {
            files.put(current, body.toString());
        }
        return files;
    }
}
