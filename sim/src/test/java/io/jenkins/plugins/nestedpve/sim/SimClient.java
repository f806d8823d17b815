package io.jenkins.plugins.nestedpve.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A tiny HTTPS/1.1 client for the simulator's own tests: one request per connection, the server
 * certificate pinned by its SHA-256 fingerprint (the identity check PVE clients make), the raw status
 * line kept so tests can assert reason phrases.
 */
final class SimClient {
    static final ObjectMapper JSON = new ObjectMapper();

    /** One answer. */
    record Response(int status, String reason, String body) {
        JsonNode json() {
            try {
                return body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        JsonNode data() {
            return json().path("data");
        }

        @Override
        public String toString() {
            return status + " " + reason + " " + body;
        }
    }

    private final String host;
    private final int port;
    private final String fingerprint;
    private String authorization;
    private String cookie;
    private String csrf;

    SimClient(String host, int port, String fingerprint) {
        this.host = host;
        this.port = port;
        this.fingerprint = fingerprint;
    }

    static SimClient token(Simulator sim) {
        return new SimClient(sim.hostAddress(), sim.apiPort(), sim.fingerprint())
                .withToken(sim.tokenId(), sim.tokenSecret());
    }

    SimClient withToken(String id, String secret) {
        this.authorization = "PVEAPIToken=" + id + "=" + secret;
        return this;
    }

    /** Logs in with a password; throws when the login fails. */
    SimClient login(String user, String password) {
        Response r = send("POST", "/access/ticket", form(Map.of("username", user, "password", password)), false);
        if (r.status() != 200) {
            throw new AssertionError("login failed: " + r);
        }
        this.cookie =
                "PVEAuthCookie=" + URLEncoder.encode(r.data().path("ticket").asText(), StandardCharsets.UTF_8);
        this.csrf = r.data().path("CSRFPreventionToken").asText();
        this.authorization = null;
        return this;
    }

    Response get(String path, Map<String, String> query) {
        return send("GET", path + (query.isEmpty() ? "" : "?" + form(query)), null, false);
    }

    Response get(String path) {
        return get(path, Map.of());
    }

    Response post(String path, Map<String, String> params) {
        return send("POST", path, form(params), false);
    }

    Response postJson(String path, Map<String, Object> params) {
        try {
            return send("POST", path, JSON.writeValueAsString(params), true);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    Response put(String path, Map<String, String> params) {
        return send("PUT", path, form(params), false);
    }

    /** PUT with a form body sent exactly as given (no encoding). */
    Response putRaw(String path, String body) {
        return send("PUT", path, body, false);
    }

    Response delete(String path, Map<String, String> query) {
        return send("DELETE", path + (query.isEmpty() ? "" : "?" + form(query)), null, false);
    }

    static String form(Map<String, String> params) {
        StringJoiner j = new StringJoiner("&");
        new LinkedHashMap<>(params).forEach((k, v) -> j.add(enc(k) + "=" + enc(v)));
        return j.toString();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Response send(String method, String path, String body, boolean json) {
        try (SSLSocket s = (SSLSocket) pinned().getSocketFactory().createSocket()) {
            s.connect(new InetSocketAddress(host, port), 5000);
            s.setSoTimeout(20000);
            byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder req = new StringBuilder(method + " /api2/json" + path + " HTTP/1.1\r\n");
            req.append("Host: ").append(host).append(':').append(port).append("\r\nConnection: close\r\n");
            if (authorization != null) {
                req.append("Authorization: ").append(authorization).append("\r\n");
            }
            if (cookie != null) {
                req.append("Cookie: ").append(cookie).append("\r\n");
                if (!method.equals("GET")) {
                    req.append("CSRFPreventionToken: ").append(csrf).append("\r\n");
                }
            }
            if (body != null) {
                req.append("Content-Type: ")
                        .append(json ? "application/json" : "application/x-www-form-urlencoded")
                        .append("\r\nContent-Length: ")
                        .append(payload.length)
                        .append("\r\n");
            }
            req.append("\r\n");
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.UTF_8));
            out.write(payload);
            out.flush();
            return read(s.getInputStream());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(method + " " + path + " to " + host + ":" + port + " failed", e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int headEnd = text.indexOf("\r\n\r\n");
        String head = headEnd < 0 ? text : text.substring(0, headEnd);
        String body = headEnd < 0 ? "" : text.substring(headEnd + 4);
        String statusLine = head.split("\r\n", 2)[0];
        String[] p = statusLine.split(" ", 3);
        if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
            body = dechunk(body);
        }
        return new Response(Integer.parseInt(p[1]), p.length > 2 ? p[2] : "", body);
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int eol = body.indexOf("\r\n", i);
            int size = Integer.parseInt(body.substring(i, eol).trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, eol + 2, eol + 2 + size);
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }

    /** Trusts exactly the pinned leaf certificate. */
    private SSLContext pinned() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new Pin(fingerprint)}, null);
            return ctx;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Pin extends X509ExtendedTrustManager {
        private final String expected;

        Pin(String expected) {
            this.expected = expected.toUpperCase(Locale.ROOT);
        }

        private void check(X509Certificate[] chain) throws CertificateException {
            try {
                byte[] d = MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded());
                String fp = HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
                if (!fp.equals(expected)) {
                    throw new CertificateException("certificate fingerprint " + fp + " is not the pinned " + expected);
                }
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new CertificateException(e);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("client certificates are not used");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("client certificates are not used");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not used");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
