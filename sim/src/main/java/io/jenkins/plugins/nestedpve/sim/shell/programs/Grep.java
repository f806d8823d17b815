package io.jenkins.plugins.nestedpve.sim.shell.programs;

import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import io.jenkins.plugins.nestedpve.sim.shell.Regexes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code grep [-EFivcqolnhHswx] [-e PATTERN]... [PATTERN] [FILE...]}. Exit status 0 when a line is
 * selected, 1 when none, 2 on error (as GNU grep; {@code -q} with a match wins over errors).
 */
final class Grep {
    private final Invocation inv;
    private final Opts o;
    private final List<Pattern> patterns = new ArrayList<>();

    private Grep(Invocation inv, Opts o) {
        this.inv = inv;
        this.o = o;
    }

    static int run(Invocation inv) throws InterruptedException {
        List<String> params = new ArrayList<>();
        for (String p : inv.params()) {
            params.add(
                    switch (p) {
                        case "--extended-regexp" -> "-E";
                        case "--fixed-strings" -> "-F";
                        case "--ignore-case" -> "-i";
                        case "--invert-match" -> "-v";
                        case "--count" -> "-c";
                        case "--quiet", "--silent" -> "-q";
                        case "--only-matching" -> "-o";
                        case "--word-regexp" -> "-w";
                        case "--line-regexp" -> "-x";
                        default -> p;
                    });
        }
        Opts o = Opts.parse(params, "efABCm");
        Grep grep = new Grep(inv, o);
        List<String> sources = new ArrayList<>(o.all('e'));
        List<String> files = new ArrayList<>(o.operands);
        if (sources.isEmpty()) {
            if (files.isEmpty()) {
                inv.err().println("Usage: grep [OPTION]... PATTERNS [FILE]...");
                inv.err().println("Try 'grep --help' for more information.");
                return 2;
            }
            sources.add(files.remove(0));
        }
        try {
            for (String source : sources) {
                for (String p : source.split("\n", -1)) {
                    grep.patterns.add(grep.compile(p));
                }
            }
        } catch (PatternSyntaxException e) {
            inv.err().println("grep: " + e.getDescription());
            return 2;
        }
        return grep.search(files);
    }

    private Pattern compile(String p) {
        String regex = o.has('F')
                ? Pattern.quote(p)
                : Regexes.compile(p, o.has('E') || o.has('P'), false).pattern();
        if (o.has('w')) {
            regex = "(?<![\\p{Alnum}_])(?:" + regex + ")(?![\\p{Alnum}_])";
        }
        if (o.has('x')) {
            regex = "^(?:" + regex + ")$";
        }
        return Pattern.compile(regex, o.has('i') || o.has('y') ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    }

    private int search(List<String> operands) throws InterruptedException {
        boolean recursive = o.has('r') || o.has('R') || o.longs.containsKey("recursive");
        if (operands.isEmpty()) {
            operands.add(recursive ? "." : "-");
        }
        List<String> files = recursive ? expandDirectories(operands) : operands;
        boolean prefix = (files.size() > 1 || o.has('r')) && !o.has('h') || o.has('H');
        boolean selected = false;
        boolean error = false;
        for (String file : files) {
            Optional<String> content = file.equals("-") ? Optional.of(Inputs.stdin(inv)) : read(file);
            if (content.isEmpty()) {
                error = true;
                continue;
            }
            String name = file.equals("-") ? "(standard input)" : file;
            int count = scan(content.get(), prefix ? name + ":" : "");
            selected |= count > 0;
            if (o.has('q') && selected) {
                return 0;
            }
            if (o.has('c')) {
                inv.out().println((prefix ? name + ":" : "") + count);
            } else if (o.has('l') && count > 0) {
                inv.out().println(name);
            }
        }
        return error ? 2 : selected ? 0 : 1;
    }

    /** {@code grep -r}: directories stand for the files below them, in name order. */
    private List<String> expandDirectories(List<String> operands) {
        List<String> files = new ArrayList<>();
        for (String operand : operands) {
            String path = Inputs.path(inv, operand);
            if (operand.equals("-") || !inv.fs().isDirectory(path)) {
                files.add(operand);
                continue;
            }
            String prefix = path.equals("/") ? "/" : path + "/";
            String shown = operand.endsWith("/") ? operand : operand + "/";
            for (String file : inv.fs().snapshot().keySet()) {
                if (file.startsWith(prefix)) {
                    files.add(shown + file.substring(prefix.length()));
                }
            }
        }
        return files;
    }

    private Optional<String> read(String file) {
        String path = Inputs.path(inv, file);
        Optional<String> content = inv.fs().read(path);
        if (content.isEmpty() && inv.fs().isDirectory(path)) {
            if (!o.has('s')) {
                inv.err().println("grep: " + file + ": Is a directory");
            }
        } else if (content.isEmpty() && !o.has('s')) {
            inv.err().println("grep: " + file + ": No such file or directory");
        }
        return content;
    }

    /** Prints selected lines (unless counting/listing/quiet) and returns how many were selected. */
    private int scan(String text, String prefix) {
        int count = 0;
        long max = Long.parseLong(o.value('m', Long.toString(Long.MAX_VALUE)));
        List<String> lines = Inputs.lines(text);
        boolean print = !o.has('c') && !o.has('l') && !o.has('q');
        for (int n = 0; n < lines.size() && count < max; n++) {
            String line = lines.get(n);
            boolean match = patterns.stream().anyMatch(p -> p.matcher(line).find());
            if (match == o.has('v')) {
                continue;
            }
            count++;
            if (!print) {
                continue;
            }
            String lead = prefix + (o.has('n') ? (n + 1) + ":" : "");
            if (o.has('o') && !o.has('v')) {
                for (Pattern p : patterns) {
                    Matcher m = p.matcher(line);
                    while (m.find()) {
                        if (!m.group().isEmpty()) {
                            inv.out().println(lead + m.group());
                        }
                    }
                }
            } else {
                inv.out().println(lead + line);
            }
        }
        return count;
    }
}
