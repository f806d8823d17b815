package io.jenkins.plugins.nestedpve.sim.http;

import java.util.Optional;

/**
 * Lets the machine model fail a request the way an overloaded or broken PVE would. Consulted for
 * every routed request after authentication, routing and schema validation and before the handler
 * runs; a returned exception becomes the response and the handler is not called. {@link
 * #afterHandler} is consulted once the handler succeeded.
 */
@FunctionalInterface
public interface FaultHook {
    /** Never injects anything. */
    FaultHook NONE = request -> Optional.empty();

    /**
     * An {@link ApiException} with this status closes the connection without any answer (the
     * client sees the connection end, as when pveproxy dies mid-request).
     */
    int DROP_CONNECTION = 0;

    /** The error to answer instead of calling the handler, or empty to proceed normally. */
    Optional<ApiException> check(ApiRequest request);

    /**
     * The error to answer although the handler already ran (its effects stay), or empty to send
     * the handler's answer: an outcome the client cannot know. Default: none.
     */
    default Optional<ApiException> afterHandler(ApiRequest request) {
        return Optional.empty();
    }
}
