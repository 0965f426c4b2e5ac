package org.glowzip.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.ImageFormat;
import org.glowzip.codec.stream.GlowzipWriter;
import org.glowzip.server.RawHttp;
import org.glowzip.server.ServedModel;
import org.glowzip.server.ServerFixture;
import org.glowzip.server.TestModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client that goes away while its job codes an image: the job is cancelled, its slot freed,
 * and the coding itself stops (no thread is left in the codec's tile loop). Each request is sent
 * whole, so only the disconnect can stop it.
 */
class CancellationTest {
    private static ServerFixture fixture;

    @BeforeAll
    static void start() throws InterruptedException {
        fixture = new ServerFixture(ServerFixture.testConfig().withMaxPixelsPerImage(4096L * 4096).withMaxBodyBytes(32L << 20),
                List.of(TestModels.served(), ServedModel.of("bundled", ImageCodec.bundled().model())));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    /** Threads now coding tiles: in the codec's block coder. */
    private static long threadsCoding() {
        return Thread.getAllStackTraces().values().stream()
                .filter(stack -> Arrays.stream(stack).anyMatch(frame -> frame.getClassName().equals("org.glowzip.codec.stream.BlockCoder")))
                .count();
    }

    /** Sends {@code body} whole, waits until its job codes, vanishes, and checks that the coding stops. */
    private static void vanishWhileCoding(String path, byte[] body) throws Exception {
        fixture.await("no coding left over", () -> threadsCoding() == 0 && fixture.server.metrics().jobsActive().get() == 0);
        long disconnects = fixture.server.metrics().counter("glowzip_errors_total{kind=\"client_disconnected\"}");
        try (RawHttp http = new RawHttp(fixture.port)) {
            http.out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            http.out.write(body);
            http.out.flush();
            fixture.await("the job codes its image", () -> threadsCoding() > 0);
            assertEquals(1, fixture.server.metrics().jobsActive().get());
        }
        fixture.await("the job and its coding stop", () -> fixture.server.metrics().jobsActive().get() == 0 && threadsCoding() == 0,
                Duration.ofSeconds(5));
        assertEquals(disconnects + 1, fixture.server.metrics().counter("glowzip_errors_total{kind=\"client_disconnected\"}"));
        assertEquals(0, fixture.server.metrics().counter("glowzip_errors_total{kind=\"internal\"}"));
    }

    /** 4096 x 4096 black: about 21,000 tiles, tens of seconds of coding, in one block. */
    @Test
    void compressingALargeImageStopsWhenTheClientLeaves() throws Exception {
        vanishWhileCoding("/v1/compress", ImageFormat.PNG.write(Image.of(4096, 4096, 1, new byte[4096 * 4096])));
    }

    /**
     * A coded 448 x 448 gradient (256 tiles of the bundled model, each decoded by a model: seconds
     * of decoding, so the test sees the job at work; a black image would not do, as its tiles are
     * coded raw, for free on the message's zero bed, and decode at once) being decoded:
     * the job ends as a disconnect, without an error of its own. ({@code BlockCoderTest} checks
     * that decoding stops between tiles.)
     */
    @Test
    void decompressingAnImageEndsCleanlyWhenTheClientLeaves() throws Exception {
        ImageCodec bundled = ImageCodec.bundled();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        try (GlowzipWriter writer = bundled.writer(stream)) {
            byte[] gradient = new byte[448 * 448];
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] = (byte) (i / 448 + i % 448);
            }
            writer.write(Image.of(448, 448, 1, gradient));
        }
        vanishWhileCoding("/v1/decompress", stream.toByteArray());
    }
}
