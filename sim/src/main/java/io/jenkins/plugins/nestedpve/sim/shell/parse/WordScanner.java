package io.jenkins.plugins.nestedpve.sim.shell.parse;

import java.util.ArrayList;
import java.util.List;

/** Scans one word (quotes, escapes and {@code $} forms) starting at a position of the source. */
final class WordScanner {
    /** WORD: ends at a blank or operator; FRAGMENT: runs to the end, quotes removed; HEREDOC: quotes literal. */
    enum Mode {
        WORD,
        FRAGMENT,
        HEREDOC
    }

    private final String src;
    private final List<WordPart> parts = new ArrayList<>();
    private final StringBuilder lit = new StringBuilder();
    private int pos;

    WordScanner(String src) {
        this.src = src;
    }

    /** Position just after the last scanned word. */
    int end() {
        return pos;
    }

    Word scanWord(int start, Mode mode) {
        parts.clear();
        lit.setLength(0);
        pos = start;
        boolean litQuoted = mode == Mode.HEREDOC;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (mode == Mode.WORD && " \t\r\n;&|()<>".indexOf(c) >= 0) {
                break;
            }
            if (c == '\\') {
                backslash(mode);
            } else if (c == '\'' && mode != Mode.HEREDOC) {
                flush(false);
                int close = src.indexOf('\'', pos + 1);
                if (close < 0) {
                    throw unterminated('\'');
                }
                parts.add(new WordPart.Lit(src.substring(pos + 1, close), true));
                pos = close + 1;
            } else if (c == '"' && mode != Mode.HEREDOC) {
                flush(false);
                pos++;
                doubleQuoted();
            } else if (c == '$') {
                dollar(litQuoted, mode);
            } else if (c == '`') {
                flush(litQuoted);
                backquote(litQuoted);
            } else {
                lit.append(c);
                pos++;
            }
        }
        flush(litQuoted);
        return new Word(parts);
    }

    private void backslash(Mode mode) {
        if (pos + 1 >= src.length()) {
            lit.append('\\');
            pos++;
            return;
        }
        char next = src.charAt(pos + 1);
        if (next == '\n') {
            pos += 2;
        } else if (mode == Mode.HEREDOC && "$`\\".indexOf(next) < 0) {
            lit.append('\\');
            pos++;
        } else if (mode == Mode.HEREDOC) {
            lit.append(next);
            pos += 2;
        } else {
            flush(false);
            parts.add(new WordPart.Lit(String.valueOf(next), true));
            pos += 2;
        }
    }

    private void flush(boolean quoted) {
        if (lit.length() > 0) {
            parts.add(new WordPart.Lit(lit.toString(), quoted));
            lit.setLength(0);
        }
    }

    private SyntaxException unterminated(char quote) {
        return new SyntaxException("unexpected EOF while looking for matching `" + quote + "'", 1);
    }

    private void doubleQuoted() {
        int before = parts.size();
        while (true) {
            if (pos >= src.length()) {
                throw unterminated('"');
            }
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                break;
            }
            if (c == '\\' && pos + 1 < src.length() && "$`\"\\\n".indexOf(src.charAt(pos + 1)) >= 0) {
                if (src.charAt(pos + 1) != '\n') {
                    lit.append(src.charAt(pos + 1));
                }
                pos += 2;
            } else if (c == '$') {
                dollar(true, Mode.WORD);
            } else if (c == '`') {
                flush(true);
                backquote(true);
            } else {
                lit.append(c);
                pos++;
            }
        }
        flush(true);
        if (parts.size() == before) {
            parts.add(new WordPart.Lit("", true));
        }
    }

    private void dollar(boolean quoted, Mode mode) {
        char next = pos + 1 < src.length() ? src.charAt(pos + 1) : '\0';
        if (next == '\'' && !quoted && mode != Mode.HEREDOC) {
            flush(false);
            ansiC();
        } else if (next == '"' && !quoted && mode != Mode.HEREDOC) {
            flush(false);
            pos += 2;
            doubleQuoted();
        } else if (next == '{') {
            flush(quoted);
            int close = Scanning.matchBrace(src, pos + 2);
            parts.add(ParamParser.parse(src.substring(pos + 2, close), quoted));
            pos = close + 1;
        } else if (next == '(' && pos + 2 < src.length() && src.charAt(pos + 2) == '(') {
            flush(quoted);
            int close = Scanning.matchParen(src, pos + 1);
            String inner = src.substring(pos + 2, close);
            if (inner.endsWith(")")) {
                parts.add(new WordPart.Arith(inner.substring(1, inner.length() - 1), quoted));
            } else {
                parts.add(new WordPart.CmdSub(inner, quoted));
            }
            pos = close + 1;
        } else if (next == '(') {
            flush(quoted);
            int close = Scanning.matchParen(src, pos + 1);
            parts.add(new WordPart.CmdSub(src.substring(pos + 2, close), quoted));
            pos = close + 1;
        } else if (Character.isLetter(next) || next == '_') {
            flush(quoted);
            int end = pos + 1;
            while (end < src.length() && (Character.isLetterOrDigit(src.charAt(end)) || src.charAt(end) == '_')) {
                end++;
            }
            parts.add(new WordPart.Param(src.substring(pos + 1, end), "", "", quoted));
            pos = end;
        } else if (Character.isDigit(next) || "?#@*$!-".indexOf(next) >= 0 && next != '\0') {
            flush(quoted);
            parts.add(new WordPart.Param(String.valueOf(next), "", "", quoted));
            pos += 2;
        } else {
            lit.append('$');
            pos++;
        }
    }

    private void backquote(boolean quoted) {
        StringBuilder inner = new StringBuilder();
        int p = pos + 1;
        while (true) {
            if (p >= src.length()) {
                throw unterminated('`');
            }
            char c = src.charAt(p);
            if (c == '`') {
                break;
            }
            if (c == '\\' && p + 1 < src.length() && "`$\\".indexOf(src.charAt(p + 1)) >= 0) {
                inner.append(src.charAt(p + 1));
                p += 2;
            } else {
                inner.append(c);
                p++;
            }
        }
        parts.add(new WordPart.CmdSub(inner.toString(), quoted));
        pos = p + 1;
    }

    private void ansiC() {
        int p = pos + 2;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (p >= src.length()) {
                throw unterminated('\'');
            }
            char c = src.charAt(p);
            if (c == '\'') {
                break;
            }
            if (c == '\\' && p + 1 < src.length()) {
                p = Escapes.decode(src, p + 1, sb, true);
            } else {
                sb.append(c);
                p++;
            }
        }
        parts.add(new WordPart.Lit(sb.toString(), true));
        pos = p + 1;
    }
}
