package org.glowzip.server.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.ImageFormat;
import org.glowzip.codec.image.SampleFormat;
import org.glowzip.codec.input.Containers;
import org.glowzip.codec.stream.TestStreams;
import org.glowzip.server.Bodies;
import org.glowzip.server.RawHttp;
import org.glowzip.server.ServerFixture;
import org.glowzip.server.TestModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bit-exact round trips through a real server on loopback. */
class RoundTripTest {
    private static ServerFixture fixture;

    @BeforeAll
    static void start() throws InterruptedException {
        fixture = new ServerFixture(ServerFixture.testConfig());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        fixture.close();
    }

    @Test
    void oneImageInEveryFormatRoundTripsExactly() throws Exception {
        for (Image image : TestModels.images(6, 21, true)) {
            for (ImageFormat format : ImageFormat.values()) {
                HttpResponse<byte[]> compressed = fixture.post("/v1/compress", format.write(image), null);
                assertEquals(200, compressed.statusCode(), () -> new String(compressed.body()));
                assertEquals("application/x-glowzip", compressed.headers().firstValue("content-type").orElseThrow());
                assertArrayEquals(TestStreams.of(TestModels.CODEC, image), compressed.body(), "the server's stream is the codec's");
                HttpResponse<byte[]> png = fixture.post("/v1/decompress", compressed.body(), "application/x-glowzip");
                assertEquals(200, png.statusCode(), () -> new String(png.body()));
                assertEquals("image/png", png.headers().firstValue("content-type").orElseThrow());
                assertEquals(image, ImageFormat.read(png.body()));
            }
        }
    }

    @Test
    void everySampleFormatAndPaletteRoundTripsWithItsMetadata() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        List<Image> images = new ArrayList<>();
        for (int bits : new int[] {8, 16}) {
            for (int channels = 1; channels <= 4; channels++) {
                SampleFormat format = new SampleFormat(channels, bits);
                int[] values = random.ints(9L * 5 * channels, 0, format.maxValue() + 1).toArray();
                images.add(Image.ofValues(9, 5, format, values));
            }
        }
        byte[] r = new byte[16];
        byte[] a = new byte[16];
        random.nextBytes(r);
        random.nextBytes(a);
        BufferedImage indexed = new BufferedImage(9, 5, BufferedImage.TYPE_BYTE_BINARY, new IndexColorModel(4, 16, r, r, r, a));
        indexed.getRaster().setPixels(0, 0, 9, 5, random.ints(45, 0, 16).toArray());
        ByteArrayOutputStream palette = new ByteArrayOutputStream();
        ImageIO.write(indexed, "png", palette);
        images.add(ImageFormat.read(palette.toByteArray()));
        for (Image image : images) {
            HttpResponse<byte[]> compressed = fixture.post("/v1/compress", ImageFormat.PNG.write(image), "image/png");
            assertEquals(200, compressed.statusCode(), () -> new String(compressed.body()));
            HttpResponse<byte[]> png = fixture.post("/v1/decompress", compressed.body(), "application/x-glowzip");
            assertEquals(200, png.statusCode(), () -> new String(png.body()));
            assertEquals(image, ImageFormat.read(png.body()), image.toString());
        }
    }

    @Test
    void thousandImagesAsTarRoundTripExactlyAndInOrder() throws Exception {
        List<Image> images = TestModels.images(1000, 22, false);
        images.set(500, TestModels.images(1, 23, true).get(0)); // an odd one in the middle
        HttpResponse<byte[]> compressed = fixture.postChunked("/v1/compress", Bodies.tarOf(images, false));
        assertEquals(200, compressed.statusCode(), () -> new String(compressed.body()));
        assertEquals(images, ServerFixture.decodeStream(compressed.body()));
        HttpResponse<byte[]> tar = fixture.postChunked("/v1/decompress", compressed.body());
        assertEquals(200, tar.statusCode(), () -> new String(tar.body()));
        assertEquals("application/x-tar", tar.headers().firstValue("content-type").orElseThrow());
        List<String> names = new ArrayList<>();
        assertEquals(images, Bodies.untar(tar.body(), names));
        assertEquals("000000.png", names.get(0));
        assertEquals("000999.png", names.get(999));
    }

    @Test
    void gzippedIdxAndPnmTarRoundTrip() throws Exception {
        List<Image> images = TestModels.images(300, 24, false);
        for (byte[] body : List.of(Containers.gzip(Containers.idx(images, 28, 28)), Containers.idx(images, 28, 28), Bodies.tarOf(images, true))) {
            HttpResponse<byte[]> compressed = fixture.post("/v1/compress", body, "application/octet-stream");
            assertEquals(200, compressed.statusCode(), () -> new String(compressed.body()));
            assertEquals(images, ServerFixture.decodeStream(compressed.body()));
        }
    }

    @Test
    void zipOfPngsRoundTrips() throws Exception {
        List<Image> images = TestModels.images(5, 26, false);
        List<String> names = new ArrayList<>();
        List<byte[]> files = new ArrayList<>();
        for (Image image : images) {
            names.add("img" + names.size() + ".png");
            files.add(ImageFormat.PNG.write(image));
        }
        HttpResponse<byte[]> compressed = fixture.post("/v1/compress", Containers.zip(names, files), "application/octet-stream");
        assertEquals(200, compressed.statusCode(), () -> new String(compressed.body()));
        assertEquals(images, ServerFixture.decodeStream(compressed.body()));
    }

    @Test
    void emptyStreamGivesAnEmptyTar() throws Exception {
        HttpResponse<byte[]> tar = fixture.post("/v1/decompress", TestStreams.of(TestModels.CODEC), null);
        assertEquals(200, tar.statusCode());
        assertEquals(List.of(), Bodies.untar(tar.body(), new ArrayList<>()));
    }

    /**
     * The first blocks leave the server while the request body is still arriving, once the body
     * buffer has filled and the job has started.
     */
    @Test
    void firstBlocksArriveBeforeTheBodyEnds() throws Exception {
        List<Image> images = TestModels.images(128, 25, false);
        byte[] tar = Bodies.tarOf(images, false);
        int half = tar.length / 2; // well over four blocks of 8 images, and over the 64 KiB body buffer
        assertTrue(half > ServerFixture.testConfig().bodyBufferBytes());
        try (RawHttp http = new RawHttp(fixture.port)) {
            http.startChunkedPost("/v1/compress");
            for (int at = 0; at < half; at += 1000) {
                http.chunk(tar, at, Math.min(1000, half - at));
            }
            Map<String, String> headers = RawHttp.headers();
            assertEquals(200, http.readHead(headers));
            assertEquals("chunked", headers.get("transfer-encoding"));
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            while (all.size() < 48 + 100) {
                all.write(http.readChunk()); // header and first block, before the body is complete
            }
            http.chunk(tar, half, tar.length - half);
            http.endChunks();
            all.write(http.readChunkedBody());
            assertEquals(images, ServerFixture.decodeStream(all.toByteArray()));
        }
    }

    /** An archive body is taken under any archive Content-Type: the input layer recognizes it by its bytes. */
    @Test
    void archivesAreTakenUnderTheirContentTypes() throws Exception {
        List<Image> images = TestModels.images(3, 27, false);
        List<String> names = List.of("a.png", "b/c.png", "d.png");
        List<byte[]> files = images.stream().map(ImageFormat.PNG::write).toList();
        byte[] zip = Containers.zip(names, files);
        byte[] tar = Containers.tar(names, files);
        Map<String, byte[]> bodies = Map.of("application/zip", zip, "application/x-zip-compressed", zip, "application/x-tar", tar,
                "application/gzip", Containers.gzip(tar));
        for (Map.Entry<String, byte[]> body : bodies.entrySet()) {
            HttpResponse<byte[]> compressed = fixture.post("/v1/compress", body.getValue(), body.getKey());
            assertEquals(200, compressed.statusCode(), () -> body.getKey() + ": " + new String(compressed.body()));
            assertEquals(images, ServerFixture.decodeStream(compressed.body()), body.getKey());
        }
    }

    @Test
    void modelsHealthAndMetricsAnswer() throws Exception {
        HttpResponse<String> models = fixture.get("/v1/models");
        assertEquals(200, models.statusCode());
        assertEquals("application/json", models.headers().firstValue("content-type").orElse(""));
        assertEquals("{\"models\":[{\"name\":\"gray\",\"fingerprint\":\"" + TestModels.GRAY.fingerprintHex() + "\",\"default\":true,"
                + "\"shape\":{\"channels\":1,\"height\":28,\"width\":28},\"levels\":2,\"steps\":1,\"hidden_width\":8,\"coupling\":\"affine\","
                + "\"parameters\":" + TestModels.GRAY.parameterCount() + ",\"test_nll_bpd\":3.25,\"measured_rates\":[]}],\"retired\":[]}\n", models.body());
        HttpResponse<String> health = fixture.get("/healthz");
        assertEquals(200, health.statusCode());
        assertEquals("application/json", health.headers().firstValue("content-type").orElse(""));
        assertTrue(health.body().matches("\\{\"status\":\"ok\",\"jobs_active\":\\d+,\"models\":1\\}\n"), health.body());
        fixture.post("/v1/compress", ImageFormat.PNG.write(TestModels.images(1, 26, false).get(0)), "image/png");
        HttpResponse<String> metrics = fixture.get("/metrics");
        assertEquals(200, metrics.statusCode());
        String text = metrics.body();
        for (String series : List.of("glowzip_requests_total{endpoint=\"compress\",code=\"200\"}", "glowzip_request_bytes_total{endpoint=\"compress\"}",
                "glowzip_response_bytes_total{endpoint=\"compress\"}", "glowzip_images_total{endpoint=\"compress\"}",
                "glowzip_compress_bits_per_dimension ", "glowzip_request_duration_seconds_bucket{endpoint=\"compress\",le=\"+Inf\"}",
                "glowzip_jobs_active ")) {
            assertTrue(text.contains(series), series + " in\n" + text);
        }
    }
}
