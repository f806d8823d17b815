package io.jenkins.plugins.nestedpve.sim.http;

/**
 * Serves one API method of one path template. Returns the value of {@code data} (a Jackson-writable
 * {@code Map}, {@code List}, {@code String}, {@code Number} or {@code null}) or throws an {@link
 * ApiException}.
 */
@FunctionalInterface
public interface ApiHandler {
    Object handle(ApiRequest request) throws InterruptedException;
}
