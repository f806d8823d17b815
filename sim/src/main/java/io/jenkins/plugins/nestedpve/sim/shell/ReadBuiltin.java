package io.jenkins.plugins.nestedpve.sim.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** {@code read [-r] [-p prompt] [-s] [-t n] [NAME...]}: one line of stdin into variables. */
final class ReadBuiltin {
    private ReadBuiltin() {}

    static int read(ShellState state, List<String> args, Io io) throws InterruptedException {
        boolean raw = false;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-r")) {
                raw = true;
            } else if (a.equals("-p") && i + 1 < args.size()) {
                io.err().print(args.get(++i));
                io.err().flush();
            } else if ((a.equals("-t") || a.equals("-d") || a.equals("-n") || a.equals("-u")) && i + 1 < args.size()) {
                i++;
            } else if (!a.startsWith("-")) {
                names.add(a);
            }
        }
        if (names.isEmpty()) {
            names.add("REPLY");
        }
        StringBuilder line = new StringBuilder();
        boolean complete = readLine(io.in(), raw, line);
        assign(state, names, line.toString());
        return complete ? 0 : 1;
    }

    /** Reads a line without its newline into {@code line}; false when input ended before a newline. */
    private static boolean readLine(InputStream in, boolean raw, StringBuilder line) throws InterruptedException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\\' && !raw) {
                    int next = in.read();
                    if (next >= 0 && next != '\n') {
                        buffer.write(next);
                    }
                    continue;
                }
                if (b == '\n') {
                    line.append(buffer.toString(StandardCharsets.UTF_8));
                    return true;
                }
                buffer.write(b);
            }
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("read interrupted");
            }
        }
        line.append(buffer.toString(StandardCharsets.UTF_8));
        return false;
    }

    private static void assign(ShellState state, List<String> names, String line) {
        String ifs = state.ifs();
        String rest = strip(line, ifs);
        for (int i = 0; i < names.size(); i++) {
            if (i == names.size() - 1) {
                state.vars.put(names.get(i), rest);
                return;
            }
            int end = 0;
            while (end < rest.length() && ifs.indexOf(rest.charAt(end)) < 0) {
                end++;
            }
            state.vars.put(names.get(i), rest.substring(0, end));
            rest = end < rest.length() ? strip(rest.substring(end + 1), ifs) : "";
        }
    }

    private static String strip(String s, String ifs) {
        int start = 0;
        int end = s.length();
        while (start < end && ifs.indexOf(s.charAt(start)) >= 0 && Character.isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && ifs.indexOf(s.charAt(end - 1)) >= 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }
}
