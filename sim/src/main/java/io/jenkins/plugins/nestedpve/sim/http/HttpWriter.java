package io.jenkins.plugins.nestedpve.sim.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a {@link Reply} as pve-http-server does (src/PVE/APIServer/AnyEvent.pm {@code response}):
 * status line with the message's first line as reason phrase, {@code Server: pve-api-daemon/3.0},
 * no-cache headers, gzip (or deflate) for bodies over 1 KiB when the client accepts it, no {@code
 * Content-Length} when there is no body, {@code Connection: Keep-Alive} or {@code close}.
 */
final class HttpWriter {
    /** Bodies larger than this are compressed when the client accepts it (bytes). */
    static final int COMPRESS_ABOVE = 1024;

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private HttpWriter() {}

    /**
     * Writes and flushes one response.
     *
     * @param protocol the request's protocol, echoed in the status line
     * @param acceptEncoding the request's Accept-Encoding header, or {@code null}
     */
    static void write(
            OutputStream out, Reply reply, String protocol, boolean keepAlive, String acceptEncoding, Instant now)
            throws IOException {
        int status = reply.status();
        String reason = reply.reason();
        byte[] body = reply.body();
        String contentType = reply.contentType();
        if (reason.indexOf('\r') >= 0) { // PVE: a CR left in the first line makes it a bad request
            status = 400;
            reason = StatusTexts.of(400);
            body = new byte[0];
            contentType = null;
        }
        String encoding = null;
        if (body.length > COMPRESS_ABOVE && acceptEncoding != null) {
            if (acceptEncoding.contains("gzip")) {
                encoding = "gzip";
                body = gzip(body);
            } else if (acceptEncoding.contains("deflate")) {
                encoding = "deflate";
                body = deflate(body);
            }
        }
        String date = HTTP_DATE.format(now);
        StringBuilder head = new StringBuilder(256);
        head.append(protocol)
                .append(' ')
                .append(status)
                .append(' ')
                .append(reason)
                .append("\r\n");
        header(head, "Cache-Control", "max-age=0");
        header(head, "Connection", keepAlive ? "Keep-Alive" : "close");
        header(head, "Date", date);
        header(head, "Pragma", "no-cache");
        header(head, "Server", "pve-api-daemon/3.0");
        if (encoding != null) {
            header(head, "Content-Encoding", encoding);
        }
        if (body.length > 0) {
            header(head, "Content-Length", Integer.toString(body.length));
        }
        if (contentType != null) {
            header(head, "Content-Type", contentType);
        }
        header(head, "Expires", date);
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        out.write(body);
        out.flush();
    }

    private static void header(StringBuilder head, String name, String value) {
        head.append(name).append(": ").append(value).append("\r\n");
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(data.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    // Compress::Zlib::compress: zlib format, which is what HTTP "deflate" means.
    private static byte[] deflate(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(data.length / 4 + 64);
        try (DeflaterOutputStream z = new DeflaterOutputStream(bytes)) {
            z.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
