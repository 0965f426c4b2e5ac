package org.glowzip.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.ImageFormat;

/**
 * A compress request that holds a job slot: it sends more of a PGM than the body buffer holds,
 * so that its job starts, then waits with the rest unsent, its job blocked on the body, until
 * {@link #finish} sends the rest and checks the answer.
 */
public final class SlotHolder implements AutoCloseable {
    private static final int SIDE = 400;

    /** The connection of the request. */
    public final RawHttp http;
    private final Image image;
    private final byte[] pgm;
    private final int sent;

    /** Starts the request; returns once the server runs {@code jobsThen} jobs. */
    public SlotHolder(ServerFixture fixture, long seed, long jobsThen) throws IOException, InterruptedException {
        image = noise(seed);
        pgm = ImageFormat.PNM.write(image);
        sent = fixture.server.config().bodyBufferBytes() + 4096;
        if (sent >= pgm.length) {
            throw new IllegalArgumentException("the body buffer holds the whole image");
        }
        http = new RawHttp(fixture.port);
        http.startChunkedPost("/v1/compress");
        for (int at = 0; at < sent; at += 8192) {
            http.chunk(pgm, at, Math.min(8192, sent - at));
        }
        fixture.await("a job slot held", () -> fixture.server.metrics().jobsActive().get() == jobsThen);
    }

    /** Sends the rest of the body; the whole image comes back compressed. */
    public void finish() throws IOException {
        http.chunk(pgm, sent, pgm.length - sent);
        http.endChunks();
        Map<String, String> headers = RawHttp.headers();
        assertEquals(200, http.readHead(headers));
        assertEquals(List.of(image), ServerFixture.decodeStream(http.readChunkedBody()));
    }

    private static Image noise(long seed) {
        byte[] samples = new byte[SIDE * SIDE];
        new java.util.SplittableRandom(seed).nextBytes(samples);
        return Image.of(SIDE, SIDE, 1, samples);
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
