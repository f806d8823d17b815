package io.jenkins.plugins.nestedpve.sim.http;

/**
 * What a handler returns when the envelope needs more than {@code data}: PVE adds {@code total}
 * (e.g. the task log) and {@code changes} next to {@code data} on success
 * (pve-http-server:src/PVE/APIServer/Formatter/Standard.pm {@code prepare_response_data}). A handler
 * that returns any other object gets a plain {@code {"data": ...}} envelope.
 *
 * @param data the value of {@code data}
 * @param total the value of {@code total}; omitted when {@code null} or zero, as PVE does
 * @param changes the value of {@code changes}; omitted when {@code null}
 */
public record ApiResult(Object data, Long total, Object changes) {
    /** {@code data} plus {@code total}. */
    public static ApiResult withTotal(Object data, long total) {
        return new ApiResult(data, total, null);
    }
}
