package org.glowzip.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** HTTP/1.1 over a plain socket, for what the JDK client cannot do: read a response mid-request, vanish mid-stream. */
public final class RawHttp implements AutoCloseable {
    public final Socket socket;
    public final OutputStream out;
    public final InputStream in;

    public RawHttp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    /** Sends the head of a POST with a chunked body. */
    public void startChunkedPost(String path) throws IOException {
        out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    public void chunk(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return;
        }
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes, offset, length);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    public void endChunks() throws IOException {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads a response head: the status code, then the headers (lower-case names). */
    public int readHead(Map<String, String> headers) throws IOException {
        String status = line();
        while (status.startsWith("HTTP/1.1 100")) { // informational
            while (!line().isEmpty()) {
                // skip
            }
            status = line();
        }
        String header;
        while (!(header = line()).isEmpty()) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        return Integer.parseInt(status.split(" ")[1]);
    }

    /** The body of a response whose head {@link #readHead} read into {@code headers}, by its Content-Length. */
    public String readBody(Map<String, String> headers) throws IOException {
        return new String(in.readNBytes(Integer.parseInt(headers.get("content-length"))), StandardCharsets.UTF_8);
    }

    /** True if the server has closed the connection: reading finds the end of the stream (or a reset), within the socket timeout. */
    public boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketException reset) {
            return true;
        }
    }

    /**
     * Sends {@code piece} to each client every {@code periodMillis} until each has an answer to
     * read or its connection is closed; fails after 30 s.
     */
    public static void trickle(List<RawHttp> clients, byte[] piece, long periodMillis) throws InterruptedException {
        List<RawHttp> waiting = new ArrayList<>(clients);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!waiting.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(waiting.size() + " of " + clients.size() + " clients still unanswered after 30 s");
            }
            for (Iterator<RawHttp> it = waiting.iterator(); it.hasNext(); ) {
                RawHttp client = it.next();
                try {
                    if (client.in.available() > 0) {
                        it.remove();
                    } else {
                        client.out.write(piece);
                        client.out.flush();
                    }
                } catch (IOException closed) {
                    it.remove();
                }
            }
            Thread.sleep(periodMillis);
        }
    }

    /** Reads one chunk of a chunked body; null at its end. */
    public byte[] readChunk() throws IOException {
        int size = Integer.parseInt(line().split(";")[0].trim(), 16);
        if (size == 0) {
            while (!line().isEmpty()) {
                // trailers
            }
            return null;
        }
        byte[] data = in.readNBytes(size);
        if (data.length < size) {
            throw new IOException("chunk truncated");
        }
        line();
        return data;
    }

    /** The rest of a chunked body. */
    public byte[] readChunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] chunk;
        while ((chunk = readChunk()) != null) {
            body.write(chunk);
        }
        return body.toByteArray();
    }

    public static Map<String, String> headers() {
        return new LinkedHashMap<>();
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        if (b < 0 && line.length() == 0) {
            throw new IOException("connection closed");
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
