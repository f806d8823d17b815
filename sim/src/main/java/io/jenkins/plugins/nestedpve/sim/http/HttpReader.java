package io.jenkins.plugins.nestedpve.sim.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads HTTP/1.x requests from one connection with pve-http-server's limits
 * (src/PVE/APIServer/AnyEvent.pm: 64 header lines, 8 KiB of headers, 512 KiB of body).
 */
final class HttpReader {
    static final int MAX_HEADER_LINES = 64;
    static final int MAX_HEADER_BYTES = 8 * 1024;
    /** PVE's {@code $limit_max_post}: larger bodies are answered 501 and never read. */
    static final int MAX_BODY_BYTES = 512 * 1024;

    private static final int MAX_REQUEST_LINE = 16 * 1024;
    private static final Pattern REQUEST_LINE = Pattern.compile("(\\S+) (\\S+) HTTP/(\\d+)\\.(\\d+)");
    private static final Pattern HEADER = Pattern.compile("^([^:\\s]+)\\s*:\\s*(.*)");
    private static final Pattern CONTINUATION = Pattern.compile("^\\s+(.*)");

    private final InputStream in;
    private final String remote;

    HttpReader(InputStream in, String remote) {
        this.in = in;
        this.remote = remote;
    }

    /** The next request, or {@code null} when the peer closed the connection between requests. */
    HttpRequest read() throws IOException, HttpProtocolException {
        String line;
        do { // PVE ignores empty lines before a request line
            line = readLine(MAX_REQUEST_LINE, true);
            if (line == null) {
                return null;
            }
        } while (line.isEmpty());
        Matcher m = REQUEST_LINE.matcher(line);
        if (!m.find()) {
            throw new HttpProtocolException(400, "bad request");
        }
        if (!m.group(3).equals("1")) {
            throw new HttpProtocolException(
                    506, "http protocol version " + m.group(3) + "." + m.group(4) + " not supported");
        }
        String target = m.group(2);
        if (target.matches("^[^/]*@.*")) {
            throw new HttpProtocolException(400, "invalid url");
        }
        String protocol = "HTTP/1." + m.group(4);
        Map<String, List<String>> headers = readHeaders();
        return withBody(m.group(1), target, protocol, headers);
    }

    private Map<String, List<String>> readHeaders() throws IOException, HttpProtocolException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int count = 0;
        int size = 0;
        String lastKey = null;
        while (true) {
            String line = readLine(MAX_HEADER_BYTES, false);
            if (++count >= MAX_HEADER_LINES) {
                throw new HttpProtocolException(400, "too many http header lines (> " + MAX_HEADER_LINES + ")");
            }
            size += line.length();
            if (size >= MAX_HEADER_BYTES) {
                throw new HttpProtocolException(400, "http header too large");
            }
            if (line.isEmpty()) {
                return headers;
            }
            Matcher h = HEADER.matcher(line);
            Matcher c = CONTINUATION.matcher(line);
            if (h.find()) {
                lastKey = h.group(1).toLowerCase(Locale.ROOT);
                headers.computeIfAbsent(lastKey, k -> new ArrayList<>())
                        .add(h.group(2).strip());
            } else if (c.find() && lastKey != null) {
                List<String> values = headers.get(lastKey);
                values.set(values.size() - 1, values.get(values.size() - 1) + " " + c.group(1));
            } else {
                throw new HttpProtocolException(506, "unable to parse request header");
            }
        }
    }

    private HttpRequest withBody(String method, String target, String protocol, Map<String, List<String>> headers)
            throws IOException, HttpProtocolException {
        List<String> te = headers.get("transfer-encoding");
        if (te != null && !te.isEmpty()) {
            if (String.join(", ", te).equalsIgnoreCase("chunked")) {
                drainChunked(); // PVE rejects it; reading it first lets the client see the answer
            }
            return new HttpRequest(method, target, protocol, headers, new byte[0], 0, false, remote);
        }
        long length = contentLength(headers);
        if (length > MAX_BODY_BYTES) {
            return new HttpRequest(method, target, protocol, headers, new byte[0], length, true, remote);
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw new EOFException("connection closed within the request body");
        }
        return new HttpRequest(method, target, protocol, headers, body, length, false, remote);
    }

    private static long contentLength(Map<String, List<String>> headers) throws HttpProtocolException {
        List<String> values = headers.get("content-length");
        if (values == null || values.isEmpty()) {
            return 0;
        }
        String v = values.get(0).strip();
        if (!v.matches("\\d{1,18}")) {
            throw new HttpProtocolException(400, "bad request");
        }
        return Long.parseLong(v);
    }

    private void drainChunked() throws IOException, HttpProtocolException {
        long total = 0;
        while (true) {
            String sizeLine = readLine(MAX_HEADER_BYTES, false);
            int semi = sizeLine.indexOf(';');
            String hex = (semi < 0 ? sizeLine : sizeLine.substring(0, semi)).strip();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new HttpProtocolException(400, "bad request");
            }
            if (size == 0) {
                while (!readLine(MAX_HEADER_BYTES, false).isEmpty()) {
                    // trailer fields are ignored
                }
                return;
            }
            total += size;
            if (total > MAX_BODY_BYTES) {
                return; // give up draining; the connection closes after the answer anyway
            }
            in.skipNBytes(size);
            readLine(2, false);
        }
    }

    /**
     * One line without its CR LF, bytes as ISO-8859-1 chars; {@code null} at end of stream when
     * {@code eofOk} and nothing was read.
     */
    private String readLine(int max, boolean eofOk) throws IOException, HttpProtocolException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (eofOk && line.size() == 0) {
                    return null;
                }
                throw new EOFException("connection closed within the request head");
            }
            if (b == '\n') {
                break;
            }
            if (line.size() >= max) {
                throw new HttpProtocolException(400, "http header too large");
            }
            line.write(b);
        }
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
