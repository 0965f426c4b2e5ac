package org.glowzip.codec.stream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.modelfile.ModelFileReader;
import org.glowzip.codec.nn.ConvKernel;
import org.glowzip.codec.tile.TileCoder;
import org.glowzip.codec.tile.TileFormat;
import org.glowzip.codec.tile.TileTally;

/**
 * Run in a second JVM by {@link CrossJvmDeterminismTest}: decodes the parent's message and
 * re-encodes the same images, writing both results for the parent to compare.
 *
 * <p>Arguments: model file, parent's message, images (raw file: count, then width, height,
 * channels and samples of each), decoded-images output, re-encoded message output. Prints
 * {@link #KERNEL_LINE} and the convolution kernel it runs: {@link ConvKernel#VECTOR} when started
 * with {@code --add-modules jdk.incubator.vector}, else {@link ConvKernel#SCALAR}.
 */
public final class ChildJvmCoder {
    static final String KERNEL_LINE = "convolution kernel: ";

    private ChildJvmCoder() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println(KERNEL_LINE + ConvKernel.preferred());
        BlockCoder coder = new BlockCoder(new TileCoder(ModelFileReader.read(Path.of(args[0])), CodingParameters.DEFAULT));
        List<Image> images = CrossJvmDeterminismTest.readImages(Files.readAllBytes(Path.of(args[2])));
        List<ImageShape> shapes = images.stream().map(ImageShape::of).toList();
        byte[] payload = Files.readAllBytes(Path.of(args[1]));
        Message[] lanes = LanePayload.readStated(payload, 0, payload.length, 0);
        List<Image> decoded = coder.decode(lanes, shapes, TileFormat.CURRENT, 0, new TileTally());
        Files.write(Path.of(args[3]), CrossJvmDeterminismTest.writeImages(decoded));
        Files.write(Path.of(args[4]), LanePayload.writeStated(coder.encode(images, LanePlan.LaneCount.CHOSEN)));
    }
}
