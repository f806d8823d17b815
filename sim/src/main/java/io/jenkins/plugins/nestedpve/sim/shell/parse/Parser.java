package io.jenkins.plugins.nestedpve.sim.shell.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Recursive-descent parser for the supported bash subset. */
public final class Parser {
    private static final Set<String> LIST_END = Set.of("then", "elif", "else", "fi", "do", "done", "}", "esac");

    private final List<Token> tokens;
    private int index;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /**
     * Parses a whole script.
     *
     * @throws SyntaxException with bash's message on bad syntax
     */
    public static Node.Sequence parse(String script) {
        Parser parser = new Parser(Lexer.tokenize(script));
        Node.Sequence sequence = parser.sequence();
        Token next = parser.peek();
        if (next.kind() != Token.Kind.EOF) {
            throw parser.unexpected(next);
        }
        return sequence;
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        return tokens.get(index++);
    }

    private SyntaxException unexpected(Token token) {
        if (token.kind() == Token.Kind.EOF) {
            return new SyntaxException("syntax error: unexpected end of file", token.line());
        }
        return new SyntaxException("syntax error near unexpected token `" + token.display() + "'", token.line());
    }

    private void skipNewlines() {
        while (peek().kind() == Token.Kind.NEWLINE) {
            index++;
        }
    }

    private boolean atListEnd() {
        Token t = peek();
        if (t.kind() == Token.Kind.EOF || t.isOp(")") || t.isOp(";;")) {
            return true;
        }
        return t.kind() == Token.Kind.WORD && LIST_END.stream().anyMatch(t::isReserved);
    }

    private Node.Sequence sequence() {
        List<Node.Item> items = new ArrayList<>();
        skipNewlines();
        while (!atListEnd()) {
            Node.AndOr andOr = andOr();
            boolean background = false;
            Token sep = peek();
            if (sep.isOp(";") || sep.isOp("&")) {
                background = sep.isOp("&");
                index++;
            } else if (sep.kind() != Token.Kind.NEWLINE && !atListEnd()) {
                throw unexpected(sep);
            }
            items.add(new Node.Item(andOr, background));
            skipNewlines();
        }
        return new Node.Sequence(items);
    }

    private Node.AndOr andOr() {
        List<Node.Pipeline> pipelines = new ArrayList<>();
        List<String> ops = new ArrayList<>();
        pipelines.add(pipeline());
        while (peek().isOp("&&") || peek().isOp("||")) {
            ops.add(next().text());
            skipNewlines();
            pipelines.add(pipeline());
        }
        return new Node.AndOr(pipelines, ops);
    }

    private Node.Pipeline pipeline() {
        boolean negated = false;
        if (peek().isReserved("!")) {
            index++;
            negated = true;
        }
        List<Node.Command> commands = new ArrayList<>();
        commands.add(command());
        while (peek().isOp("|")) {
            index++;
            skipNewlines();
            commands.add(command());
        }
        return new Node.Pipeline(commands, negated);
    }

    private Node.Command command() {
        Token t = peek();
        int line = t.line();
        if (t.isReserved("if")) {
            index++;
            return ifClause(line);
        }
        if (t.isReserved("for")) {
            index++;
            return forClause(line);
        }
        if (t.isReserved("while") || t.isReserved("until")) {
            index++;
            Node condition = expectListThen("do");
            Node body = expectListThen("done");
            return new Node.While(condition, body, t.isReserved("until"), redirects(), line);
        }
        if (t.isReserved("case")) {
            index++;
            return caseClause(line);
        }
        if (t.isReserved("{")) {
            index++;
            return new Node.Group(expectListThen("}"), false, redirects(), line);
        }
        if (t.isOp("(")) {
            index++;
            Node body = sequence();
            if (!peek().isOp(")")) {
                throw unexpected(peek());
            }
            index++;
            return new Node.Group(body, true, redirects(), line);
        }
        if (t.isReserved("function")) {
            index++;
            return functionDef(next(), line);
        }
        if (t.kind() == Token.Kind.WORD
                && index + 2 < tokens.size()
                && tokens.get(index + 1).isOp("(")
                && tokens.get(index + 2).isOp(")")
                && ParamParser.isName(t.text())) {
            return functionDef(next(), line);
        }
        return simple(line);
    }

    private Node.Command functionDef(Token name, int line) {
        if (name.kind() != Token.Kind.WORD) {
            throw unexpected(name);
        }
        if (peek().isOp("(")) {
            index++;
            if (!next().isOp(")")) {
                throw unexpected(tokens.get(index - 1));
            }
        }
        skipNewlines();
        Node.Command body = command();
        return new Node.FunctionDef(name.text(), body, List.of(), line);
    }

    /** Parses a list that must be followed by the reserved word {@code end}, and consumes it. */
    private Node expectListThen(String end) {
        Node.Sequence list = sequence();
        if (!peek().isReserved(end)) {
            throw unexpected(peek());
        }
        index++;
        return list;
    }

    private Node.Command ifClause(int line) {
        List<Node> conditions = new ArrayList<>();
        List<Node> bodies = new ArrayList<>();
        Node elseBody = null;
        conditions.add(expectListThen("then"));
        while (true) {
            Node.Sequence body = sequence();
            bodies.add(body);
            Token t = next();
            if (t.isReserved("elif")) {
                conditions.add(expectListThen("then"));
            } else if (t.isReserved("else")) {
                elseBody = expectListThen("fi");
                break;
            } else if (t.isReserved("fi")) {
                break;
            } else {
                throw unexpected(t);
            }
        }
        return new Node.If(conditions, bodies, elseBody, redirects(), line);
    }

    private Node.Command forClause(int line) {
        Token name = next();
        if (name.kind() != Token.Kind.WORD || !ParamParser.isName(name.text())) {
            throw new SyntaxException("`" + name.display() + "': not a valid identifier", name.line());
        }
        List<Word> items = null;
        skipNewlines();
        if (peek().isReserved("in")) {
            index++;
            items = new ArrayList<>();
            while (peek().kind() == Token.Kind.WORD) {
                items.add(next().word());
            }
        }
        if (peek().isOp(";") || peek().kind() == Token.Kind.NEWLINE) {
            index++;
        }
        skipNewlines();
        if (!peek().isReserved("do")) {
            throw unexpected(peek());
        }
        index++;
        Node body = expectListThen("done");
        return new Node.For(name.text(), items, body, redirects(), line);
    }

    private Node.Command caseClause(int line) {
        Token subject = next();
        if (subject.kind() != Token.Kind.WORD) {
            throw unexpected(subject);
        }
        skipNewlines();
        if (!next().isReserved("in")) {
            throw unexpected(tokens.get(index - 1));
        }
        List<List<Word>> patterns = new ArrayList<>();
        List<Node> bodies = new ArrayList<>();
        skipNewlines();
        while (!peek().isReserved("esac")) {
            if (peek().isOp("(")) {
                index++;
            }
            List<Word> alternatives = new ArrayList<>();
            alternatives.add(expectWord());
            while (peek().isOp("|")) {
                index++;
                alternatives.add(expectWord());
            }
            if (!next().isOp(")")) {
                throw unexpected(tokens.get(index - 1));
            }
            patterns.add(alternatives);
            bodies.add(sequence());
            if (peek().isOp(";;")) {
                index++;
            }
            skipNewlines();
        }
        index++;
        return new Node.Case(subject.word(), patterns, bodies, redirects(), line);
    }

    private Word expectWord() {
        Token t = next();
        if (t.kind() != Token.Kind.WORD) {
            throw unexpected(t);
        }
        return t.word();
    }

    private List<Node.Redirect> redirects() {
        List<Node.Redirect> list = new ArrayList<>();
        while (peek().kind() == Token.Kind.REDIR) {
            list.add(redirect(next()));
        }
        return list;
    }

    private Node.Redirect redirect(Token op) {
        if (op.hereDoc() != null) {
            return new Node.Redirect(op.fd(), op.text(), null, op.hereDoc());
        }
        Token target = next();
        if (target.kind() != Token.Kind.WORD) {
            throw unexpected(target);
        }
        return new Node.Redirect(op.fd(), op.text(), target.word(), null);
    }

    private Node.Command simple(int line) {
        List<Node.Assignment> assignments = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<Node.Redirect> redirects = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.kind() == Token.Kind.REDIR) {
                index++;
                redirects.add(redirect(t));
            } else if (t.kind() == Token.Kind.WORD) {
                index++;
                Node.Assignment assignment = words.isEmpty() ? Assignments.split(t.word()) : null;
                if (assignment != null) {
                    assignments.add(assignment);
                } else {
                    words.add(t.word());
                }
            } else {
                break;
            }
        }
        if (assignments.isEmpty() && words.isEmpty() && redirects.isEmpty()) {
            throw unexpected(peek());
        }
        return new Node.Simple(assignments, words, redirects, line);
    }
}
