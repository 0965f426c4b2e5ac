package org.glowzip.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.FullHttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.MeasuredRate;
import org.glowzip.codec.MeasuredRates;
import org.glowzip.codec.ModelSet;
import org.glowzip.codec.stream.GlowzipForm;
import org.glowzip.server.ErrorKind;
import org.glowzip.server.ServedModel;
import org.glowzip.server.TestModels;
import org.junit.jupiter.api.Test;

/** The JSON answers, byte for byte as clients read them. */
class JsonAnswersTest {
    @Test
    void errorsEscapeTheirMessage() {
        assertEquals("{\"error\":\"malformed\",\"message\":\"a \\\"quote\\\", a \\\\, \\n\\r\\t, \\u0001 and \u00e9\"}",
                new ErrorAnswer(ErrorKind.MALFORMED, "a \"quote\", a \\, \n\r\t, \u0001 and \u00e9").toJson());
        assertEquals("{\"error\":\"internal\",\"message\":\"\"}", new ErrorAnswer(ErrorKind.INTERNAL, null).toJson());
    }

    @Test
    void errorResponsesCarryTheirStatusAndRetryHints() {
        FullHttpResponse overloaded = Responses.error(ErrorKind.OVERLOADED, "retry later", true);
        assertEquals(503, overloaded.status().code());
        assertEquals("application/json", overloaded.headers().get("content-type"));
        assertEquals("1", overloaded.headers().get("retry-after"));
        assertEquals("close", overloaded.headers().get("connection"));
        String body = overloaded.content().toString(StandardCharsets.UTF_8);
        assertEquals("{\"error\":\"overloaded\",\"message\":\"retry later\"}\n", body);
        assertEquals(String.valueOf(body.length()), overloaded.headers().get("content-length"));
        overloaded.release();
        FullHttpResponse notFound = Responses.error(ErrorKind.NOT_FOUND, "no", false);
        assertEquals(404, notFound.status().code());
        assertEquals(null, notFound.headers().get("retry-after"));
        assertEquals(null, notFound.headers().get("connection"));
        notFound.release();
    }

    @Test
    void healthSaysOkOrShuttingDown() {
        HealthAnswer ok = new HealthAnswer(false, 3, 2);
        assertEquals(200, ok.status().code());
        assertEquals("{\"status\":\"ok\",\"jobs_active\":3,\"models\":2}", ok.toJson());
        HealthAnswer closing = new HealthAnswer(true, 3, 2);
        assertEquals(503, closing.status().code());
        assertEquals("{\"status\":\"shutting_down\"}", closing.toJson());
    }

    @Test
    void modelsListTheDefaultFirstAndAnUnknownNllAsNull() {
        ServedModel other = new ServedModel("other", new ImageCodec(TestModels.OTHER), Double.NaN);
        String entry = "{\"name\":\"%s\",\"fingerprint\":\"%s\",\"default\":%s,\"shape\":{\"channels\":1,\"height\":28,\"width\":28},"
                + "\"levels\":2,\"steps\":1,\"hidden_width\":8,\"coupling\":\"affine\",\"parameters\":%d,\"test_nll_bpd\":%s,\"measured_rates\":[]}";
        assertEquals("{\"models\":[" + String.format(entry, "gray", TestModels.GRAY.fingerprintHex(), true, TestModels.GRAY.parameterCount(), "3.25")
                + "," + String.format(entry, "other", TestModels.OTHER.fingerprintHex(), false, TestModels.OTHER.parameterCount(), "null")
                + "],\"retired\":[]}", new ModelsAnswer(List.of(TestModels.served(), other), List.of()).toJson());
        assertEquals("{\"models\":[],\"retired\":[{\"name\":\"other\",\"fingerprint\":\"" + TestModels.OTHER.fingerprintHex() + "\"}]}",
                new ModelsAnswer(List.of(), List.of(other)).toJson());
    }

    @Test
    void bundledModelsListWhatTheirFilesWereMeasuredToCost() {
        ModelSet bundled = ModelSet.bundled();
        List<ServedModel> served = new ArrayList<>();
        for (int i = 0; i < bundled.codecs().size(); i++) {
            served.add(new ServedModel(bundled.names().get(i), ServedModel.streamingCodec(bundled.codecs().get(i).model()), Double.NaN));
        }
        String json = new ModelsAnswer(served, List.of()).toJson();
        for (ServedModel model : served) {
            List<MeasuredRate> rates = MeasuredRates.of(model.model());
            assertFalse(rates.isEmpty(), model.name());
            String listed = "\"test_nll_bpd\":null,\"measured_rates\":[" + String.join(",", rates.stream().map(rate -> String.format(Locale.ROOT,
                    "{\"form\":\"%s\",\"bits_per_sample\":%s,\"measured_on\":\"%s\",\"results\":\"%s\",\"command\":\"%s\"}",
                    rate.form() == GlowzipForm.STREAM ? "stream" : "single_image", rate.bitsPerSample(), rate.measuredOn(), rate.results(),
                    rate.command())).toList()) + "]}";
            int entry = json.indexOf("{\"name\":\"" + model.name() + "\",\"fingerprint\":\"" + model.model().fingerprintHex() + "\"");
            assertTrue(entry >= 0, json);
            assertTrue(json.startsWith(listed, json.indexOf("\"test_nll_bpd\"", entry)), model.name() + ": " + json);
        }
    }
}
