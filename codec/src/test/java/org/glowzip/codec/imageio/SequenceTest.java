package org.glowzip.codec.imageio;

import static org.glowzip.codec.imageio.BufferedImages.assertSameImage;
import static org.glowzip.codec.imageio.BufferedImages.randomized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.flow.RandomModels;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.modelfile.ModelFile;
import org.glowzip.codec.modelfile.ModelFileWriter;
import org.glowzip.codec.stream.GlowzipWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streams written with {@code writeToSequence} and read image by image: only the block that holds
 * an image is decoded. The images are coded with a tiny random model, chosen through the write
 * param's model file, so that 10,000 of them code in seconds.
 */
class SequenceTest {
    /** A Glow of 2x2 gray tiles, one level of one step. */
    static final ModelFile TINY = RandomModels.of(new GlowConfig(1, 1, 2, CouplingType.AFFINE, 1, 2, 2), 5);
    @TempDir
    static Path directory;
    private static Path tinyModel;
    private static final int IMAGES = 10_000;
    private static final int PER_BLOCK = 1_000;
    private static final List<BufferedImage> written = new ArrayList<>();
    private static byte[] stream;

    /** 10,000 2x2 gray images in blocks of 1,000 (4,000 samples), the last one 3x1 RGB so that shapes differ. */
    @BeforeAll
    static void writeStream() throws IOException {
        tinyModel = directory.resolve("tiny.glowmodel");
        ModelFileWriter.write(tinyModel, TINY.config(), TINY.tensors().values());
        for (int i = 0; i < IMAGES - 1; i++) {
            written.add(randomized(new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY), i));
        }
        written.add(randomized(new BufferedImage(3, 1, BufferedImage.TYPE_INT_RGB), IMAGES));
        stream = sequence(written, 4L * PER_BLOCK, tinyModel);
    }

    @Test
    void readingTheLastImageDecodesOneBlock() throws IOException {
        GlowzipImageReader reader = reader(stream);
        assertSameImage(written.get(IMAGES - 1), reader.read(IMAGES - 1));
        assertEquals(1, reader.decodedBlocks());
    }

    @Test
    void sizesAndCountComeBeforeAnyPixelIsDecoded() throws IOException {
        GlowzipImageReader reader = reader(stream);
        assertEquals(-1, reader.getNumImages(false));
        assertEquals(3, reader.getWidth(IMAGES - 1));
        assertEquals(1, reader.getHeight(IMAGES - 1));
        assertEquals(2, reader.getWidth(4321));
        assertEquals(BufferedImage.TYPE_INT_RGB, reader.getImageTypes(IMAGES - 1).next().getBufferedImageType());
        assertEquals(IMAGES, reader.getNumImages(true));
        assertEquals(IMAGES, reader.getNumImages(false));
        assertEquals(0, reader.decodedBlocks());
    }

    @Test
    void imagesInAnyOrderDecodeTheirBlockOnce() throws IOException {
        GlowzipImageReader reader = reader(stream);
        int[] order = {5_500, 5_999, 6_000, 17, 0, 999, 1_000, 9_998};
        for (int k : order) {
            assertSameImage(written.get(k), reader.read(k));
        }
        assertEquals(5, reader.decodedBlocks()); // blocks 5, 6, 0 (read again from the start), 1, 9
        assertThrows(IndexOutOfBoundsException.class, () -> reader.read(IMAGES));
    }

    @Test
    void aShortSequenceIsOneBlockAndAnEmptyOneHoldsNoImages() throws IOException {
        List<BufferedImage> three = List.of(randomized(new BufferedImage(5, 4, BufferedImage.TYPE_USHORT_GRAY), 1),
                randomized(new BufferedImage(2, 3, BufferedImage.TYPE_4BYTE_ABGR_PRE), 2),
                randomized(new BufferedImage(9, 2, BufferedImage.TYPE_BYTE_BINARY), 3));
        GlowzipImageReader reader = reader(sequence(three, GlowzipWriter.DEFAULT_BLOCK_SAMPLES, tinyModel));
        for (int k = 0; k < three.size(); k++) {
            assertSameImage(three.get(k), reader.read(k));
        }
        assertEquals(1, reader.decodedBlocks());
        GlowzipImageReader bundled = reader(sequence(List.of(), GlowzipWriter.DEFAULT_BLOCK_SAMPLES, tinyModel));
        bundled.setCodec(BundledModel.CODEC); // no image brought a param: the stream names the bundled model
        assertEquals(0, bundled.getNumImages(true));
    }

    @Test
    void aBlockSizeOutsideTheFormatIsACallerMistake() {
        GlowzipImageWriteParam param = new GlowzipImageWriteParam(null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> param.setBlockSamples(0));
        assertEquals("block size 0 samples outside 1..268435456", e.getMessage());
    }

    /** The stream of {@code images} written through an ImageIO writer with the model file {@code model} (bundled if null), in blocks of {@code blockSamples} samples. */
    static byte[] sequence(List<BufferedImage> images, long blockSamples, Path model) throws IOException {
        GlowzipImageWriter writer = (GlowzipImageWriter) ImageIO.getImageWritersByFormatName("glowzip").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            GlowzipImageWriteParam param = writer.getDefaultWriteParam();
            param.setBlockSamples(blockSamples);
            param.setModelFile(model);
            writer.prepareWriteSequence(null);
            for (BufferedImage image : images) {
                writer.writeToSequence(new IIOImage(image, null, null), param);
            }
            writer.endWriteSequence();
        }
        return bytes.toByteArray();
    }

    static GlowzipImageReader reader(byte[] bytes) {
        GlowzipImageReader reader = (GlowzipImageReader) ImageIO.getImageReadersByFormatName("glowzip").next();
        ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes));
        reader.setCodec(new ImageCodec(TINY));
        reader.setInput(in);
        return reader;
    }
}
