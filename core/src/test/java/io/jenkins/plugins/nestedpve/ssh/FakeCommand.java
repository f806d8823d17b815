package io.jenkins.plugins.nestedpve.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * A scripted remote command for {@link FakeSshServer}. The command line's first word picks the
 * behaviour; the rest are its arguments. Blocking happens here, on the server side.
 */
final class FakeCommand implements Command {
    private final FakeSshServer server;
    /** What the client puts before each command: a line on stderr reporting the shell's process id. */
    private static final Pattern PID_HEADER =
            Pattern.compile("printf '(nestedpve-pid-[0-9a-f]+) %s\\\\n' \"\\$\\$\" >&2; (.*)", Pattern.DOTALL);

    private final String pidHeader;
    private final String line;
    private final String[] words;
    private final CountDownLatch destroyed = new CountDownLatch(1);
    private volatile boolean finished;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private ChannelSession channel;

    FakeCommand(FakeSshServer server, String line) {
        this.server = server;
        Matcher header = PID_HEADER.matcher(line);
        this.pidHeader = header.matches() ? header.group(1) : null;
        this.line = header.matches() ? header.group(2) : line;
        this.words = this.line.strip().split("\\s+");
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        this.channel = channel;
        env.addSignalListener((ch, signal) -> server.event("signal " + signal.name() + " " + words[0]));
        long pid = server.register(this, words[0]);
        server.background(() -> {
            int code;
            try {
                if (words[0].startsWith("warn-first")) {
                    write(err, "bash: warning: setlocale: LC_ALL: cannot change locale (xx_XX)\n"); // before the header
                }
                if (pidHeader != null) {
                    write(err, pidHeader + " " + pid + "\n"); // what the header's printf prints
                }
                code = run();
            } catch (Exception e) {
                code = 1;
            }
            server.unregister(pid);
            finished = true;
            exit.onExit(code);
        });
    }

    /** Killed with its process group (by a {@code kill} on another channel). */
    void killGroup() {
        if (!finished && destroyed.getCount() > 0) {
            server.event("killed " + words[0]);
        }
        server.event("killed group " + words[0]);
        destroyed.countDown();
    }

    private int run() throws Exception {
        switch (words[0]) {
            case "echo-lines":
                for (int i = 1; i <= Integer.parseInt(words[1]); i++) {
                    write(out, "line " + i + "\n");
                }
                return 0;
            case "exit":
                return Integer.parseInt(words[1]);
            case "kill":
                // kill -KILL -- -<pgid> 2>/dev/null; ...: the group named after "--"
                return server.killGroup(Long.parseLong(words[3].replace(";", "").substring(1))) ? 0 : 1;
            case "mixed":
                write(out, "out 1\n");
                write(err, "err 1\n");
                write(out, "out 2\n");
                return 5;
            case "warn-first":
                write(out, "ok\n");
                return 0;
            case "warn-first-hang":
            case "hang":
                write(out, "started\n");
                destroyed.await(30, TimeUnit.SECONDS); // ends when the client closes the channel
                return 0;
            case "idle":
                destroyed.await(Long.parseLong(words[1]), TimeUnit.MILLISECONDS);
                write(out, "awake\n");
                return 0;
            case "wait-release":
                write(out, "ready\n");
                boolean released = server.awaitRelease();
                write(out, released ? "done\n" : "never released\n");
                return released ? 0 : 1;
            case "drop":
                write(out, "dropping\n");
                channel.getSession().close(true);
                destroyed.await(30, TimeUnit.SECONDS);
                return 0;
            case "flaky":
                // flaky NAME N: the first N runs drop the connection, later ones print "ran NAME"
                if (server.countUp("tries " + words[1]) < Integer.parseInt(words[2])) {
                    return dropConnection();
                }
                write(out, "ran " + words[1] + "\n");
                return 0;
            case "apply-then-drop":
                // the change happens, then the connection drops before the answer
                server.countUp("applied " + words[1]);
                return dropConnection();
            case "drop-then-apply":
                // the first run drops before the change; later runs make it
                if (server.countUp("tries " + words[1]) == 0) {
                    return dropConnection();
                }
                server.countUp("applied " + words[1]);
                return 0;
            case "applied":
                return server.count("applied " + words[1]) > 0 ? 0 : 1;
            case "utf8":
                return utf8();
            case "read-stdin":
                out.write(in.readAllBytes());
                out.flush();
                return 0;
            case "cat":
                out.write(Files.readAllBytes(server.file(words[1])));
                out.flush();
                return 0;
            case "mode":
                write(out, octal(server.file(words[1])) + "\n");
                return 0;
            default:
                write(err, "fake: " + words[0] + ": command not found\n");
                return 127;
        }
    }

    private int dropConnection() throws Exception {
        channel.getSession().close(true);
        destroyed.await(30, TimeUnit.SECONDS);
        return 0;
    }

    /** Splits a multi-byte character across two packets. */
    private int utf8() throws IOException {
        byte[] text = "grüße ✓ 日本\n".getBytes(StandardCharsets.UTF_8);
        out.write(text, 0, 3);
        out.flush();
        out.write(text, 3, text.length - 3);
        out.flush();
        return 0;
    }

    private static String octal(Path file) throws IOException {
        int mode = 0;
        for (PosixFilePermission p : Files.getPosixFilePermissions(file)) {
            mode |= 1 << (8 - p.ordinal());
        }
        return Integer.toOctalString(mode);
    }

    private static void write(OutputStream stream, String text) throws IOException {
        stream.write(text.getBytes(StandardCharsets.UTF_8));
        stream.flush();
    }

    @Override
    public void destroy(ChannelSession channel) {
        if (!finished && destroyed.getCount() > 0) {
            server.event("killed " + words[0]);
        }
        destroyed.countDown();
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public String toString() {
        return "FakeCommand[" + line + "]";
    }
}
