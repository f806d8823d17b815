package io.jenkins.plugins.nestedpve.preflight;

/** The verdict of one preflight check. */
public enum Verdict {
    /** Fine: provisioning can go on. */
    PASS,
    /** Provisioning can go on, but an operator would want to know (the detail says why). */
    WARN,
    /** Provisioning would fail: the item says what to do. */
    FAIL,
    /** Not checked: it needs what another check found wrong, or an input that was not given. */
    SKIP
}
