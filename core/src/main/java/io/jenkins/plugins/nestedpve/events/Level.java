package io.jenkins.plugins.nestedpve.events;

/** Severity of a progress message. */
public enum Level {
    INFO,
    WARNING,
    ERROR
}
