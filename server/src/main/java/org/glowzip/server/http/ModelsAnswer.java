package org.glowzip.server.http;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.glowzip.codec.MeasuredRate;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.server.ServedModel;

/**
 * The answer to {@code GET /v1/models}: {@code {"models":[...]}}, each loaded model in the order
 * given, the first the default (the one a compress request that names none gets). A model is
 * {@code {"name","fingerprint","default","shape":{"channels","height","width"},"levels","steps",
 * "hidden_width","coupling","parameters","test_nll_bpd","measured_rates":[...]}}, its NLL
 * {@code null} when unknown. Its measured rates are what glowzip measured its model file to cost
 * ({@link ServedModel#measuredRates()}; none for a model that is not bundled), each
 * {@code {"form","bits_per_sample","measured_on","results","command"}}, the form {@code stream} or
 * {@code single_image}. Then {@code "retired":[{"name","fingerprint"}...]}: the models that
 * decompress what they once coded but compress nothing.
 */
record ModelsAnswer(List<ServedModel> models, List<ServedModel> retired) {
    String toJson() {
        return new JsonObject()
                .field("models", IntStream.range(0, models.size()).mapToObj(i -> entry(models.get(i), i == 0)).toList())
                .field("retired", retired.stream().map(old -> new JsonObject().field("name", old.name()).field("fingerprint", old.model().fingerprintHex())).toList())
                .toString();
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
                .field("test_nll_bpd", served.testBitsPerDimension())
                .field("measured_rates", served.measuredRates().stream().map(ModelsAnswer::rate).toList());
    }

    private static JsonObject rate(MeasuredRate rate) {
        return new JsonObject()
                .field("form", rate.form().name().toLowerCase(Locale.ROOT))
                .field("bits_per_sample", rate.bitsPerSample())
                .field("measured_on", rate.measuredOn())
                .field("results", rate.results())
                .field("command", rate.command());
    }
}
