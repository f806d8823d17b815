package io.jenkins.plugins.nestedpve.sim.shell.parse;

import java.util.List;

/** The syntax tree of a shell script. */
public sealed interface Node {

    /** Commands separated by {@code ;}, {@code &} or newlines. */
    record Sequence(List<Item> items) implements Node {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /** One entry of a {@link Sequence}; {@code background} when terminated by {@code &}. */
    record Item(AndOr andOr, boolean background) {}

    /** Pipelines joined by {@code &&} / {@code ||}; {@code ops.get(i)} joins pipeline i and i+1. */
    record AndOr(List<Pipeline> pipelines, List<String> ops) implements Node {
        public AndOr {
            pipelines = List.copyOf(pipelines);
            ops = List.copyOf(ops);
        }
    }

    /** Commands joined by {@code |}, optionally negated with {@code !}. */
    record Pipeline(List<Command> commands, boolean negated) implements Node {
        public Pipeline {
            commands = List.copyOf(commands);
        }
    }

    /** A command with its redirections. */
    sealed interface Command extends Node {
        List<Redirect> redirects();

        int line();
    }

    /** {@code NAME=value ... word ... redirections}. */
    record Simple(List<Assignment> assignments, List<Word> words, List<Redirect> redirects, int line)
            implements Command {
        public Simple {
            assignments = List.copyOf(assignments);
            words = List.copyOf(words);
            redirects = List.copyOf(redirects);
        }
    }

    /** {@code if ...; then ...; [elif ...; then ...;] [else ...;] fi}. */
    record If(List<Node> conditions, List<Node> bodies, Node elseBody, List<Redirect> redirects, int line)
            implements Command {}

    /** {@code for NAME [in WORDS]; do ...; done}; {@code items == null} means {@code "$@"}. */
    record For(String variable, List<Word> items, Node body, List<Redirect> redirects, int line) implements Command {}

    /** {@code while|until ...; do ...; done}. */
    record While(Node condition, Node body, boolean until, List<Redirect> redirects, int line) implements Command {}

    /** {@code case WORD in PATTERN|PATTERN) ...;; esac}; {@code patterns.get(i)} selects {@code bodies.get(i)}. */
    record Case(Word subject, List<List<Word>> patterns, List<Node> bodies, List<Redirect> redirects, int line)
            implements Command {}

    /** {@code { ...; }} or, when {@code subshell}, {@code ( ... )}. */
    record Group(Node body, boolean subshell, List<Redirect> redirects, int line) implements Command {}

    /** {@code name() { ...; }}. */
    record FunctionDef(String name, Command body, List<Redirect> redirects, int line) implements Command {}

    /** {@code NAME=value}. */
    record Assignment(String name, Word value) {}

    /**
     * A redirection.
     *
     * @param fd the file descriptor; -1 for the operator's default, -2 for both stdout and stderr
     * @param op {@code >}, {@code >>}, {@code <}, {@code <<}, {@code <<<}, {@code >&}, {@code <&},
     *     {@code &>}, {@code &>>}, {@code >|}
     * @param target the file, descriptor or here-string word (null for here-documents)
     */
    record Redirect(int fd, String op, Word target, HereDoc hereDoc) {}
}
