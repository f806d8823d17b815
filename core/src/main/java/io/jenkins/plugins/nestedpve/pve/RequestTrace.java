package io.jenkins.plugins.nestedpve.pve;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * One HTTP exchange of the client, for a verbose log: no headers, no bodies, secrets redacted.
 *
 * @param method HTTP method
 * @param path API path below {@code /api2/json}
 * @param params the request parameters as {@code k=v, ...} with secret values shown as {@code ****}
 * @param status HTTP status, or 0 when no answer arrived (transport failure)
 * @param millis duration of the exchange
 * @param attempt 0 for the first attempt, then 1, 2, ... for retries and re-logins
 */
public record RequestTrace(String method, String path, String params, int status, long millis, int attempt) {
    private static final Set<String> SECRET_KEYS = Set.of(
            "password",
            "cipassword",
            "new-password",
            "ticket",
            "csrfpreventiontoken",
            "secret",
            "value",
            "token",
            "otp",
            "tfa-challenge");

    /** Renders parameters with the values of secret-bearing keys replaced by {@code ****}. */
    public static String redact(Map<String, ?> params) {
        StringJoiner j = new StringJoiner(", ");
        params.forEach((k, v) -> j.add(k + "=" + (isSecret(k) ? "****" : String.valueOf(v))));
        return j.toString();
    }

    /** Whether a parameter of this name carries a secret. */
    public static boolean isSecret(String key) {
        return SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return method + " " + path + (params.isEmpty() ? "" : " {" + params + "}") + " -> "
                + (status == 0 ? "no answer" : status) + " in " + millis + " ms"
                + (attempt == 0 ? "" : " (attempt " + (attempt + 1) + ")");
    }
}
