// What tiling costs the photo context models: each test photo's bits per sample when every 32x32
// tile sees its decoded neighbours (format 4) and when every tile starts from nothing (format 3's
// rule), context model only, slots by the table, per sample of the image (the fill coded too).
// Run from the repository root after a build:
//   jshell --add-modules jdk.incubator.vector --class-path bench/target/glowzip.jar \
//       -R--add-modules=jdk.incubator.vector -R-Dphotos=OUT/gray/test -R-Dmodel=photo-gray bench/results/tiling-cost.jsh
import java.nio.file.*;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.context.*;
import org.glowzip.codec.image.*;

String folder = System.getProperty("photos");
ContextModel model = ContextModel.of(ImageCodec.bundled("/org/glowzip/codec/" + System.getProperty("model") + ".glowmodel").model());
ContextCoder coder = new ContextCoder(model, SlotRule.TABLE);
int side = model.height();
int channels = model.channels();
double sumWith = 0, sumAlone = 0;
int photos = 0;
for (Path path : Files.list(Path.of(folder)).sorted().toList()) {
    Image image = ImageFormat.read(Files.readAllBytes(path));
    int h = (image.height() + side - 1) / side * side, w = (image.width() + side - 1) / side * side;
    byte[] planar = new byte[channels * h * w];
    for (int c = 0; c < channels; c++)
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                planar[(c * h + y) * w + x] = (byte) image.sample(Math.min(y, image.height() - 1), Math.min(x, image.width() - 1), Math.min(c, image.planes() - 1));
    Canvas canvas = Canvas.of(planar, channels, h, w);
    Message with = new Message(), alone = new Message();
    for (int top = h - side; top >= 0; top -= side)
        for (int left = w - side; left >= 0; left -= side) {
            coder.push(with, canvas.tile(top, left, side, side));
            coder.push(alone, Canvas.of(canvas.tileSamples(), channels, side, side));
        }
    double samples = (double) image.planes() * image.width() * image.height(); // the image's samples, as the bench counts them
    double a = with.bitLength() / samples, b = alone.bitLength() / samples;
    sumWith += a; sumAlone += b; photos++;
    System.out.printf("%-52s %8.4f %8.4f%n", path.getFileName(), a, b);
}
System.out.printf("mean over %d photos: with neighbours %.4f, tiles alone %.4f bits per sample (%+.1f%%)%n", photos, sumWith / photos, sumAlone / photos, 100 * (sumAlone / sumWith - 1));
/exit
