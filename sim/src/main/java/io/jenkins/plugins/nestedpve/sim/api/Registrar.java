package io.jenkins.plugins.nestedpve.sim.api;

import io.jenkins.plugins.nestedpve.sim.http.ApiHandler;

/** Where handlers are registered (an ApiServer's {@code route}). */
@FunctionalInterface
public interface Registrar {
    void add(String method, String template, ApiHandler handler);
}
