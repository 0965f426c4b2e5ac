package org.glowzip.server.http;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.server.ServedModel;

/**
 * The answer to {@code GET /v1/models}: {@code {"models":[...]}}, each loaded model in the order
 * given, the first the default (the one a compress request that names none gets). A model is
 * {@code {"name","fingerprint","default","shape":{"channels","height","width"},"levels","steps",
 * "hidden_width","coupling","parameters","test_nll_bpd"}}, its NLL {@code null} when unknown.
 */
record ModelsAnswer(List<ServedModel> models) {
    String toJson() {
        return new JsonObject().field("models", IntStream.range(0, models.size()).mapToObj(i -> entry(models.get(i), i == 0)).toList()).toString();
    }

    private static JsonObject entry(ServedModel served, boolean isDefault) {
        GlowConfig config = served.model().config();
        return new JsonObject()
                .field("name", served.name())
                .field("fingerprint", served.model().fingerprintHex())
                .field("default", isDefault)
                .field("shape", new JsonObject().field("channels", config.channels()).field("height", config.height()).field("width", config.width()))
                .field("levels", config.levels())
                .field("steps", config.steps())
                .field("hidden_width", config.hiddenWidth())
                .field("coupling", config.coupling().name().toLowerCase(Locale.ROOT))
                .field("parameters", served.model().parameterCount())
                .field("test_nll_bpd", served.testBitsPerDimension());
    }
}
