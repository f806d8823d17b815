package io.jenkins.plugins.nestedpve.schema;

/** A named format implemented as a verifier function (a code ref registered with register_format). */
@FunctionalInterface
interface CodeFormat {
    /** Throws with PVE's die text when {@code value} is not valid. */
    void check(String value) throws FormatException;
}
