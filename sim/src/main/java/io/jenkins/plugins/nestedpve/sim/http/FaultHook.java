package io.jenkins.plugins.nestedpve.sim.http;

import java.util.Optional;

/**
 * Lets the machine model fail a request the way an overloaded or broken PVE would. Consulted for
 * every routed request after authentication, routing and schema validation and before the handler
 * runs; a returned exception becomes the response and the handler is not called.
 */
@FunctionalInterface
public interface FaultHook {
    /** Never injects anything. */
    FaultHook NONE = request -> Optional.empty();

    /** The error to answer instead of calling the handler, or empty to proceed normally. */
    Optional<ApiException> check(ApiRequest request);
}
