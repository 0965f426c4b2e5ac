package org.glowzip.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.ImageFormat;
import org.glowzip.codec.stream.TestStreams;
import org.glowzip.server.ServedModel;
import org.glowzip.server.ServerFixture;
import org.glowzip.server.TestModels;
import org.junit.jupiter.api.Test;

/** A retired model decompresses what it coded, compresses nothing, and is listed apart. */
class RetiredModelTest {
    @Test
    void aRetiredModelDecompressesButIsNeverPickedForCompression() throws Exception {
        ServedModel old = new ServedModel("old", new ImageCodec(TestModels.OTHER), Double.NaN);
        try (ServerFixture fixture = new ServerFixture(ServerFixture.testConfig(), List.of(TestModels.served()), List.of(old))) {
            Image image = TestModels.images(1, 3, false).get(0);
            HttpResponse<byte[]> png = fixture.post("/v1/decompress", TestStreams.of(old.codec(), image), "application/x-glowzip");
            assertEquals(200, png.statusCode(), () -> new String(png.body()));
            assertEquals(image, ImageFormat.read(png.body()));
            ErrorsTest.assertError(fixture.post("/v1/compress?model=old", ImageFormat.PNG.write(image), null), 400, "bad_request",
                    "no model old; loaded: gray");
            String models = fixture.get("/v1/models").body();
            assertTrue(models.strip().endsWith(",\"retired\":[{\"name\":\"old\",\"fingerprint\":\"" + TestModels.OTHER.fingerprintHex() + "\"}]}"), models);
        }
    }
}
