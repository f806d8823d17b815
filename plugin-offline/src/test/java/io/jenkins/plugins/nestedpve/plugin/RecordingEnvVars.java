package io.jenkins.plugins.nestedpve.plugin;

import hudson.EnvVars;
import java.util.LinkedHashMap;
import java.util.Map;

/** Environment variables that record {@code override} as the real {@code EnvVars} does for plain names. */
final class RecordingEnvVars extends EnvVars {
    private static final long serialVersionUID = 1L;

    final Map<String, String> values = new LinkedHashMap<>();

    @Override
    public void override(String key, String value) {
        if (value == null || value.isEmpty()) {
            values.remove(key); // as EnvVars.override: an empty value deletes the variable
        } else {
            values.put(key, value);
        }
    }
}
