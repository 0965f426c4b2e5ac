package org.glowzip.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.ImageFormat;
import org.glowzip.codec.input.Containers;
import org.glowzip.codec.stream.TestStreams;
import org.glowzip.server.Bodies;
import org.glowzip.server.RawHttp;
import org.glowzip.server.ServerFixture;
import org.glowzip.server.TestModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every refusal has its status and a JSON body {"error": kind, "message": ...}, and the server stays up. */
class ErrorsTest {
    private static ServerFixture fixture;
    private static final Image IMAGE = TestModels.images(1, 31, false).get(0);

    @BeforeAll
    static void start() throws InterruptedException {
        fixture = new ServerFixture(ServerFixture.testConfig().withMaxBodyBytes(1 << 20));
    }

    @AfterAll
    static void stop() throws Exception {
        assertEquals(200, fixture.get("/healthz").statusCode());
        assertTrue(fixture.awaitIdle(Duration.ofSeconds(10)));
        fixture.close();
    }

    static void assertError(HttpResponse<byte[]> response, int status, String kind, String messagePart) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertEquals(status, response.statusCode(), body);
        assertEquals("application/json", response.headers().firstValue("content-type").orElse(""));
        assertTrue(body.startsWith("{\"error\":\"" + kind + "\",\"message\":\""), body);
        assertTrue(body.contains(messagePart), body + " should contain " + messagePart);
    }

    @Test
    void bodyTooLargeByContentLength() throws Exception {
        assertError(fixture.post("/v1/compress", new byte[(1 << 20) + 1], null), 413, "body_too_large",
                "request body of 1048577 bytes exceeds the limit of 1048576 bytes");
    }

    @Test
    void bodyTooLargeWhileStreaming() throws Exception {
        byte[] pgm = ImageFormat.PNM.write(Image.of(1200, 1000, 1, new byte[1200 * 1000]));
        assertError(fixture.postChunked("/v1/compress", pgm), 413, "body_too_large", "request body exceeds the limit of 1048576 bytes");
    }

    @Test
    void imageTooLargeIsRefusedFromItsHeader() throws Exception {
        byte[] pgm = "P5\n600 600\n255\n".getBytes(StandardCharsets.US_ASCII);
        assertError(fixture.post("/v1/compress", pgm, "image/x-portable-graymap"), 413, "image_too_large",
                "body: image of 360000 pixels exceeds the limit of 262144 pixels");
        byte[] idx = Arrays.copyOf(Containers.idx(List.of(), 600, 600), 16);
        assertError(fixture.post("/v1/compress", idx, null), 413, "image_too_large", "IDX images of 600x600 exceed the limit of 262144 pixels");
    }

    @Test
    void unsupportedMediaTypes() throws Exception {
        assertError(fixture.post("/v1/compress", ImageFormat.PNG.write(IMAGE), "text/plain"), 415, "unsupported_media_type",
                "Content-Type text/plain is not accepted here; send a PNG, PGM, PPM, tar, zip, IDX or gzip file");
        assertError(fixture.post("/v1/decompress", TestStreams.of(TestModels.CODEC, IMAGE), "image/png"), 415, "unsupported_media_type",
                "Content-Type image/png is not accepted here; send application/x-glowzip");
        assertError(fixture.post("/v1/compress", "hello, world".getBytes(StandardCharsets.US_ASCII), null), 415, "unsupported_media_type",
                "body: not a PNG, PGM (P5), PPM (P6), IDX, tar, zip or gzip file");
        assertError(fixture.post("/v1/decompress", ImageFormat.PNG.write(IMAGE), null), 415, "unsupported_media_type",
                "body is not a glowzip stream");
        byte[] labels = {0, 0, 8, 1, 0, 0, 0, 1, 7};
        assertError(fixture.post("/v1/compress", labels, null), 415, "unsupported_media_type", "IDX of type 0x08 with 1 dimensions");
    }

    @Test
    void malformedBodies() throws Exception {
        byte[] idx = Containers.idx(TestModels.images(3, 32, false), 28, 28);
        assertError(fixture.post("/v1/compress", Arrays.copyOf(idx, idx.length - 1), null), 400, "malformed", "IDX truncated in image 2 of 3");
        assertError(fixture.post("/v1/compress", Arrays.copyOf(idx, idx.length + 1), null), 400, "malformed", "data after the last of 3 IDX images");
        byte[] stream = TestStreams.of(TestModels.CODEC, IMAGE);
        byte[] flipped = stream.clone();
        flipped[70] ^= 1;
        assertError(fixture.post("/v1/decompress", flipped, null), 400, "malformed", "malformed input at byte ");
        assertError(fixture.post("/v1/decompress", Arrays.copyOf(stream, stream.length - 5), null), 400, "malformed",
                "malformed input at byte " + (stream.length - 5) + ": stream truncated in end block: 11 of 16 bytes");
        byte[] tar = Bodies.tarOf(List.of(IMAGE), false);
        tar[124 + 3] = 'x'; // the size field must be octal
        assertError(fixture.post("/v1/compress", tar, "application/x-tar"), 400, "malformed", "");
        byte[] gzip = Containers.gzip(idx);
        assertError(fixture.post("/v1/compress", Arrays.copyOf(gzip, gzip.length / 2), null), 400, "malformed", "");
    }

    /** An upload that expands to nothing useful is a 400, not an empty stream. */
    @Test
    void bodiesWithoutImages() throws Exception {
        assertError(fixture.post("/v1/compress", Containers.gzip(new byte[1 << 20]), "application/gzip"), 400, "malformed",
                "body: only zero bytes, no images");
        assertError(fixture.post("/v1/compress", Containers.tar(List.of(), List.of()), "application/x-tar"), 400, "malformed",
                "body: only zero bytes, no images");
        assertError(fixture.post("/v1/compress", Containers.tar(List.of("dir/"), List.of(new byte[0])), "application/x-tar"), 400, "malformed",
                "body: an empty tar archive");
        assertError(fixture.post("/v1/compress", Arrays.copyOf(Containers.idx(List.of(), 28, 28), 16), null), 400, "malformed",
                "body: an IDX file of 0 images");
    }

    @Test
    void undecodableContent() throws Exception {
        byte[] tar = Containers.tar(List.of("a.png", "notes.txt"), List.of(ImageFormat.PNG.write(IMAGE), "hi".getBytes(StandardCharsets.US_ASCII)));
        assertError(fixture.post("/v1/compress", tar, null), 422, "undecodable", "body/notes.txt: not a PNG, PGM (P5), PPM (P6), IDX, tar, zip or gzip file");
        byte[] png = ImageFormat.PNG.write(IMAGE);
        assertError(fixture.post("/v1/compress", Arrays.copyOf(png, png.length - 20), "image/png"), 422, "undecodable", "body: PNG truncated");
        byte[] foreign = TestStreams.of(new ImageCodec(TestModels.OTHER), IMAGE);
        assertError(fixture.post("/v1/decompress", foreign, "application/x-glowzip"), 422, "undecodable",
                "stream was coded with model " + TestModels.OTHER.fingerprintHex().substring(0, 16));
    }

    /** A stream whose image carries PNG metadata that the PNG writer cannot use is undecodable, not an internal error. */
    @Test
    void imagesWhoseMetadataCannotBeWrittenAreUndecodable() throws Exception {
        Image crafted = IMAGE.withMetadata(new byte[] {'P', 0, 7, 0}); // gray of 7 bits: no PNG has that bit depth
        assertError(fixture.post("/v1/decompress", TestStreams.of(TestModels.CODEC, crafted), null), 422, "undecodable",
                "image 0 of the stream cannot be written as PNG: PNG metadata: ");
        assertError(fixture.post("/v1/decompress", TestStreams.of(TestModels.CODEC, IMAGE, crafted), null), 422, "undecodable",
                "image 1 of the stream cannot be written as PNG: PNG metadata: ");
    }

    @Test
    void routingErrors() throws Exception {
        HttpResponse<byte[]> notFound = fixture.client.send(HttpRequest.newBuilder(fixture.uri("/v2/nothing")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertError(notFound, 404, "not_found", "no such endpoint: /v2/nothing");
        HttpResponse<byte[]> wrongMethod = fixture.client.send(HttpRequest.newBuilder(fixture.uri("/v1/compress")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertError(wrongMethod, 405, "method_not_allowed", "use POST");
        assertError(fixture.post("/v1/models", new byte[0], null), 405, "method_not_allowed", "use GET");
        assertError(fixture.post("/v1/compress?model=nope", ImageFormat.PNG.write(IMAGE), null), 400, "bad_request", "no model nope; loaded: gray");
    }

    @Test
    void modelCanBePickedByNameOrFingerprint() throws Exception {
        for (String model : List.of("gray", TestModels.GRAY.fingerprintHex().substring(0, 12))) {
            HttpResponse<byte[]> response = fixture.post("/v1/compress?model=" + model, ImageFormat.PNG.write(IMAGE), null);
            assertEquals(200, response.statusCode());
        }
    }

    @Test
    void stalledBodyIs408() throws Exception {
        try (ServerFixture quick = new ServerFixture(ServerFixture.testConfig().withIdleTimeout(Duration.ofMillis(300)));
                RawHttp http = new RawHttp(quick.port)) {
            http.startChunkedPost("/v1/compress");
            byte[] idx = Containers.idx(TestModels.images(2, 34, false), 28, 28);
            http.chunk(idx, 0, 100);
            Map<String, String> headers = RawHttp.headers();
            assertEquals(408, http.readHead(headers));
            byte[] body = http.in.readNBytes(Integer.parseInt(headers.get("content-length")));
            assertEquals("{\"error\":\"idle_timeout\",\"message\":\"no request body bytes for 300 ms\"}\n", new String(body, StandardCharsets.UTF_8));
            assertEquals("close", headers.get("connection"));
            assertTrue(http.closedByServer(), "the connection is closed after the 408");
            assertTrue(quick.awaitIdle(Duration.ofSeconds(5)));
            assertEquals(1, quick.server.metrics().counter("glowzip_errors_total{kind=\"idle_timeout\"}"));
        }
    }

    @Test
    void expansionIsLimited() throws Exception {
        try (ServerFixture small = new ServerFixture(ServerFixture.testConfig().withMaxExpandedBytes(5_000))) {
            byte[] bomb = Containers.gzip(Containers.idx(java.util.Collections.nCopies(200, IMAGE), 28, 28)); // 156 KB inflated
            assertError(small.post("/v1/compress", bomb, "application/gzip"), 413, "body_too_large", "body: expands to more than 5000 bytes, the limit on decompressed input");
            byte[] stream = org.glowzip.server.RawStreams.of(java.util.Collections.nCopies(200, IMAGE), 50);
            assertError(small.post("/v1/decompress", stream, null), 413, "body_too_large", "stream exceeds the limit of 5000 samples");
            byte[] big = TestStreams.of(TestModels.CODEC, Image.of(600, 600, 1, new byte[360_000]));
            assertError(small.post("/v1/decompress", big, null), 413, "image_too_large",
                    "image of 600x600 pixels exceeds the limit of 262144 pixels");
        }
    }

    /** Once blocks have been sent the status cannot change: a later error cuts the response off, and the client sees it incomplete. */
    @Test
    void errorAfterTheFirstBlockCutsTheResponseOff() throws Exception {
        try (ServerFixture small = new ServerFixture(ServerFixture.testConfig().withMaxExpandedBytes(100_000))) {
            byte[] bomb = Containers.gzip(Bodies.tarOf(java.util.Collections.nCopies(200, IMAGE), false)); // the limit strikes after ~60 images
            java.io.IOException cut = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                    () -> small.post("/v1/compress", bomb, "application/gzip"));
            assertTrue(String.valueOf(cut.getMessage()).contains("chunked"), String.valueOf(cut));
            assertTrue(small.awaitIdle(Duration.ofSeconds(5)));
            assertEquals(1, small.server.metrics().counter("glowzip_errors_total{kind=\"body_too_large\"}"));
            assertEquals(200, small.get("/healthz").statusCode());
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (RawHttp http = new RawHttp(fixture.port)) {
            byte[] png = ImageFormat.PNG.write(IMAGE);
            String head = "POST /v1/compress HTTP/1.1\r\nHost: x\r\nContent-Length: " + png.length + "\r\n\r\n";
            java.io.ByteArrayOutputStream both = new java.io.ByteArrayOutputStream();
            both.write(head.getBytes(StandardCharsets.US_ASCII));
            both.write(png);
            both.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            http.out.write(both.toByteArray());
            http.out.flush();
            Map<String, String> headers = RawHttp.headers();
            assertEquals(200, http.readHead(headers));
            assertEquals("application/x-glowzip", headers.get("content-type"));
            assertEquals(List.of(IMAGE), ServerFixture.decodeStream(http.readChunkedBody()));
            Map<String, String> second = RawHttp.headers();
            assertEquals(200, http.readHead(second));
            String health = new String(http.in.readNBytes(Integer.parseInt(second.get("content-length"))), StandardCharsets.UTF_8);
            assertTrue(health.startsWith("{\"status\":\"ok\""), health);
        }
    }

    @Test
    void errorsAreCountedByKind() throws Exception {
        long before = fixture.server.metrics().counter("glowzip_errors_total{kind=\"unsupported_media_type\"}");
        fixture.post("/v1/compress", new byte[] {1, 2, 3}, null);
        assertEquals(before + 1, fixture.server.metrics().counter("glowzip_errors_total{kind=\"unsupported_media_type\"}"));
    }
}
