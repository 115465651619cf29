package io.modelopt.telemetry;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 client over one kept-alive loopback connection, for the load generator: it
 * costs far less CPU per request than a general client, so on a 2-core machine the service, not
 * the client, is what gets measured. Only 127.0.0.1. Not thread-safe: one per load thread.
 */
final class LoopbackHttp implements AutoCloseable {

    /** A response's status and body. */
    record Response(int status, String body) {
    }

    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    LoopbackHttp(int port) {
        this.port = port;
    }

    Response post(String path, byte[] json) throws IOException {
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + json.length + "\r\n\r\n";
        return exchange(head.getBytes(StandardCharsets.US_ASCII), json);
    }

    Response get(String pathAndQuery) throws IOException {
        String head = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        return exchange(head.getBytes(StandardCharsets.US_ASCII), new byte[0]);
    }

    private Response exchange(byte[] head, byte[] body) throws IOException {
        if (socket == null) {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 65536);
        }
        out.write(head);
        out.write(body);
        out.flush();
        return read();
    }

    private Response read() throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line().trim(), 16); size > 0;
                    size = Integer.parseInt(line().trim(), 16)) {
                body.write(in.readNBytes(size));
                line();
            }
            line();
        } else if (length > 0) {
            body.write(in.readNBytes(length));
        }
        if (close) {
            close();
        }
        return new Response(status, body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed by the server");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
