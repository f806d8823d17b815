package io.jenkins.plugins.nestedpve.sim.pve;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The checker's output as pve8to9.pm prints it: {@code LEVEL: text}, coloured with Term::ANSIColor
 * (pass green, notice bold, warn yellow, fail bold red) whether or not stdout is a TTY, a reset code
 * after every line (so it starts the next one), counters for the summary (pve-facts §7, §13.2).
 */
final class CheckerLog {
    static final String GREEN = "\u001b[32m";
    static final String YELLOW = "\u001b[33m";
    static final String BOLD = "\u001b[1m";
    static final String BOLD_RED = "\u001b[1;31m";
    static final String RESET = "\u001b[0m";

    private final PrintStream o;
    private boolean firstHeader = true;
    private int pass;
    private int skip;
    private int notice;
    private int warn;
    private int fail;

    CheckerLog(PrintStream o) {
        this.o = o;
    }

    void header(String title) {
        if (!firstHeader) {
            o.print("\n");
        }
        o.print("= " + title + " =\n\n");
        firstHeader = false;
    }

    void print(String text) {
        o.print(text);
    }

    void pass(String t) {
        pass++;
        line(GREEN, "pass", t);
    }

    void info(String t) {
        line("", "info", t);
    }

    void skip(String t) {
        skip++;
        line("", "skip", t);
    }

    void notice(String t) {
        notice++;
        line(BOLD, "notice", t);
    }

    void warn(String t) {
        warn++;
        line(YELLOW, "warn", t);
    }

    void fail(String t) {
        fail++;
        line(BOLD_RED, "fail", t);
    }

    private void line(String color, String level, String text) {
        o.print(color + level.toUpperCase(Locale.ROOT) + ": " + text + "\n" + RESET);
    }

    void summary() {
        header("SUMMARY");
        int total = pass + skip + notice + warn + fail;
        o.print("TOTAL:    " + total + "\n");
        o.print(GREEN + "PASSED:   " + pass + "\n" + RESET);
        o.print("SKIPPED:  " + skip + "\n");
        o.print(warn > 0 ? YELLOW + "WARNINGS: " + warn + "\n" + RESET : "WARNINGS: " + warn + "\n");
        o.print(fail > 0 ? BOLD_RED + "FAILURES: " + fail + "\n" + RESET : "FAILURES: " + fail + "\n");
        if (warn > 0 || fail > 0) {
            String c = fail > 0 ? BOLD_RED : YELLOW;
            o.print(c + "\nATTENTION: Please check the output for detailed information!\n" + RESET);
            if (fail > 0) {
                o.print(c + "Try to solve the problems one at a time and then run this checklist tool again.\n"
                        + RESET);
            }
        }
        o.flush();
    }
}
