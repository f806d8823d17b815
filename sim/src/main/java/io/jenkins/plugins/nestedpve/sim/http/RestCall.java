package io.jenkins.plugins.nestedpve.sim.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jenkins.plugins.nestedpve.schema.ApiSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The API call itself, in pve-manager:PVE/HTTPServer.pm {@code rest_handler} order: find the
 * handler (501), URI/parameter conflicts (400), {@code allowtoken} (403), the method's declared
 * permissions (403, {@link PermissionCheck}), schema validation (400), the fault hook, the handler;
 * errors become the JSON error envelope. A request both forbidden and invalid gets the 403.
 */
final class RestCall {
    static final String PARAM_FAILED = "Parameter verification failed.\n";
    static final String DUPLICATE = "duplicate parameter (already defined in URI) with conflicting values!";

    /** The answer and, when schema validation refused the call, the validator's errors. */
    record Outcome(Reply reply, Map<String, String> schemaErrors) {
        static Outcome of(Reply reply) {
            return new Outcome(reply, Map.of());
        }
    }

    private final Router router;
    private final Envelope envelope;

    RestCall(Router router, Envelope envelope) {
        this.router = router;
        this.envelope = envelope;
    }

    Outcome call(String method, String relUri, Params params, Authenticator.Outcome auth, ApiDispatcher.State state)
            throws InterruptedException {
        ApiSchema schema = state.schema();
        Optional<Router.Match> found = router.resolve(method, relUri, schema);
        if (found.isEmpty()) {
            return Outcome.of(envelope.error(501, "Method '" + method + " " + relUri + "' not implemented", Map.of()));
        }
        Router.Match match = found.get();
        Map<String, Object> merged = new LinkedHashMap<>(match.pathParams());
        for (String p : new TreeSet<>(params.values().keySet())) {
            Object value = params.values().get(p);
            String inUri = match.pathParams().get(p);
            if (inUri != null && !inUri.equals(perlString(value))) {
                return Outcome.of(envelope.error(400, PARAM_FAILED, Map.of(p, DUPLICATE)));
            }
            merged.put(p, value);
        }
        if (auth.apiToken() && !match.allowToken()) {
            return Outcome.of(envelope.error(ApiException.forbidden(
                    "URI '" + relUri + "' not available with API token, need proper ticket.\n")));
        }
        if (schema != null && match.route() != null) {
            try {
                PermissionCheck.require(state.auth(), match.route().spec().permissions(), auth.principal(), merged);
            } catch (ApiException e) {
                return Outcome.of(envelope.error(e));
            }
            Map<String, String> errors = schema.validate(match.route(), merged, params.json());
            if (!errors.isEmpty()) {
                return new Outcome(envelope.error(400, PARAM_FAILED, errors), errors);
            }
        }
        ApiRequest request =
                new ApiRequest(method, relUri, match.template(), match.pathParams(), params.values(), auth.principal());
        return Outcome.of(invoke(match.handler(), request, state.faultHook()));
    }

    private Reply invoke(ApiHandler handler, ApiRequest request, FaultHook faults) throws InterruptedException {
        try {
            Optional<ApiException> fault = faults.check(request);
            if (fault.isPresent()) {
                return error(fault.get());
            }
            Reply success = envelope.success(handler.handle(request));
            Optional<ApiException> late = faults.afterHandler(request);
            return late.isPresent() ? error(late.get()) : success;
        } catch (ApiException e) {
            return error(e);
        } catch (JsonProcessingException e) {
            return envelope.error(500, "unable to encode the result - " + e.getOriginalMessage() + "\n", Map.of());
        } catch (RuntimeException e) {
            return envelope.error(500, Envelope.withNewline(describe(e)), Map.of());
        }
    }

    // A 401 from a handler (bad login) is also delayed (AnyEvent.pm handle_api2_request).
    private Reply error(ApiException e) {
        if (e.status() == FaultHook.DROP_CONNECTION) {
            return Reply.dropped();
        }
        Reply reply = envelope.error(e);
        return e.status() == 401 ? reply.withDelay() : reply;
    }

    /** The die text of an unexpected exception. */
    static String describe(RuntimeException e) {
        return e.getMessage() == null || e.getMessage().isEmpty() ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** How Perl stringifies a decoded parameter value for the {@code ne} comparison. */
    static String perlString(Object value) {
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }
}
