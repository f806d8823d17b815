package io.jenkins.plugins.nestedpve.sim.shell.parse;

/** One piece of a shell word, before expansion. {@code quoted} parts are not field-split or globbed. */
public sealed interface WordPart {
    boolean quoted();

    /** Literal text. */
    record Lit(String text, boolean quoted) implements WordPart {}

    /**
     * A parameter expansion: {@code $NAME}, {@code ${NAME}}, {@code ${NAME:-word}}, {@code ${#NAME}}...
     *
     * @param name the parameter name or special parameter ({@code ?}, {@code #}, {@code @}, {@code 1}...)
     * @param op the operator ({@code ""}, {@code ":-"}, {@code "-"}, {@code ":="}, {@code ":+"}, {@code
     *     ":?"}, {@code "#len"}, {@code "%"}, {@code "%%"}, {@code "#"}, {@code "##"}, {@code "/"},
     *     {@code "//"})
     * @param arg the unparsed operand of the operator
     */
    record Param(String name, String op, String arg, boolean quoted) implements WordPart {}

    /** A command substitution {@code $(...)} or {@code `...`}; {@code source} is the inner script. */
    record CmdSub(String source, boolean quoted) implements WordPart {}

    /** An arithmetic expansion {@code $((...))}. */
    record Arith(String expr, boolean quoted) implements WordPart {}
}
