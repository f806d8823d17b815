package io.jenkins.plugins.nestedpve.sim.shell.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a shell script into tokens the way bash does for the subset the simulator supports:
 * quoting, parameter/command/arithmetic substitution boundaries, operators, redirections and
 * here-documents (whose bodies follow the line of their operator).
 */
public final class Lexer {
    private static final String[] OPERATORS = {"&&", "||", ";;", ";", "&", "|", "(", ")"};

    private final String src;
    private final WordScanner scanner;
    private final List<HereDoc> pending = new ArrayList<>();
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int linePos;
    private int line = 1;

    private Lexer(String src) {
        this.src = src;
        this.scanner = new WordScanner(src);
    }

    /** Tokenizes a whole script; the last token is {@link Token.Kind#EOF}. */
    public static List<Token> tokenize(String src) {
        Lexer lexer = new Lexer(src);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            skipBlanks();
            if (pos >= src.length()) {
                readHereDocBodies();
                tokens.add(new Token(Token.Kind.EOF, "", null, -1, null, lineAt(pos)));
                return;
            }
            char c = src.charAt(pos);
            if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '\n') {
                tokens.add(new Token(Token.Kind.NEWLINE, "\n", null, -1, null, lineAt(pos)));
                pos++;
                readHereDocBodies();
            } else if (!tryRedirect() && !tryOperator()) {
                int start = pos;
                int startLine = lineAt(pos);
                Word word = scanner.scanWord(pos, WordScanner.Mode.WORD);
                pos = scanner.end();
                tokens.add(Token.word(word, src.substring(start, pos), startLine));
            }
        }
    }

    private int lineAt(int p) {
        if (p < linePos) {
            linePos = 0;
            line = 1;
        }
        for (; linePos < p && linePos < src.length(); linePos++) {
            if (src.charAt(linePos) == '\n') {
                line++;
            }
        }
        return line;
    }

    private void skipBlanks() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
                pos += 2;
            } else {
                return;
            }
        }
    }

    private boolean tryOperator() {
        for (String op : OPERATORS) {
            if (src.startsWith(op, pos)) {
                tokens.add(Token.op(op, lineAt(pos)));
                pos += op.length();
                return true;
            }
        }
        return false;
    }

    private boolean tryRedirect() {
        int p = pos;
        while (p < src.length() && Character.isDigit(src.charAt(p))) {
            p++;
        }
        int fd = -1;
        if (p > pos) {
            if (p >= src.length() || (src.charAt(p) != '<' && src.charAt(p) != '>')) {
                return false;
            }
            fd = Integer.parseInt(src.substring(pos, p));
        }
        String op = redirectOperator(p);
        if (op == null) {
            return false;
        }
        if (op.startsWith("&")) {
            fd = -2;
        }
        int startLine = lineAt(pos);
        pos = p + op.length();
        HereDoc hereDoc = null;
        if (op.equals("<<") || op.equals("<<-")) {
            hereDoc = readHereDocDelimiter(op.equals("<<-"), startLine);
        }
        tokens.add(new Token(Token.Kind.REDIR, op, null, fd, hereDoc, startLine));
        return true;
    }

    private String redirectOperator(int p) {
        String[] candidates = {"&>>", "&>", "<<<", "<<-", "<<", "<&", "<>", "<", ">>", ">&", ">|", ">"};
        for (String op : candidates) {
            if (src.startsWith(op, p)) {
                return op;
            }
        }
        return null;
    }

    private HereDoc readHereDocDelimiter(boolean stripTabs, int startLine) {
        skipBlanks();
        if (pos >= src.length() || "\n;&|<>()".indexOf(src.charAt(pos)) >= 0) {
            throw new SyntaxException("syntax error near unexpected token `newline'", startLine);
        }
        Word delimiter = scanner.scanWord(pos, WordScanner.Mode.WORD);
        pos = scanner.end();
        String text = rawText(delimiter);
        HereDoc hereDoc = new HereDoc(text, delimiter.anyQuoted(), stripTabs);
        pending.add(hereDoc);
        return hereDoc;
    }

    private static String rawText(Word word) {
        StringBuilder sb = new StringBuilder();
        for (WordPart part : word.parts()) {
            if (part instanceof WordPart.Lit lit) {
                sb.append(lit.text());
            } else if (part instanceof WordPart.Param param) {
                sb.append('$').append(param.name());
            }
        }
        return sb.toString();
    }

    private void readHereDocBodies() {
        for (HereDoc hereDoc : pending) {
            StringBuilder body = new StringBuilder();
            while (pos < src.length()) {
                int eol = src.indexOf('\n', pos);
                int end = eol < 0 ? src.length() : eol;
                String text = src.substring(pos, end);
                pos = eol < 0 ? end : end + 1;
                if (hereDoc.stripTabs()) {
                    text = text.replaceFirst("^\t+", "");
                }
                if (text.equals(hereDoc.delimiter())) {
                    break;
                }
                body.append(text).append('\n');
            }
            hereDoc.setBody(
                    hereDoc.quoted()
                            ? new Word(List.of(new WordPart.Lit(body.toString(), true)))
                            : parseFragment(body.toString(), WordScanner.Mode.HEREDOC));
        }
        pending.clear();
    }

    /**
     * Parses text in which blanks and operators are ordinary characters: an operand of {@code
     * ${NAME:-operand}} ({@code HEREDOC} mode off: quotes are removed) or a here-document body
     * ({@code heredoc}: quotes are literal, only {@code $}, backquote and backslash are special).
     */
    public static Word parseFragment(String text, boolean heredoc) {
        return parseFragment(text, heredoc ? WordScanner.Mode.HEREDOC : WordScanner.Mode.FRAGMENT);
    }

    private static Word parseFragment(String text, WordScanner.Mode mode) {
        return new WordScanner(text).scanWord(0, mode);
    }
}
