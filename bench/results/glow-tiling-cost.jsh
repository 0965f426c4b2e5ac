// What tiling costs a photo Glow, and what its border condition buys: each test photo's bits per
// sample when every 32x32 tile is coded by Glow bits-back (integer coder, on a message that can
// lend every noise bit) given its decoded neighbours (the row above, the column left), and when
// every tile starts from nothing (TileBorder.none); with -Rplain=FILE also a Glow without the
// condition. Mode bits are left out: every tile is coded the Glow's way. Run from the repository
// root after a build:
//   jshell --add-modules jdk.incubator.vector --class-path bench/target/glowzip.jar \
//       -R--add-modules=jdk.incubator.vector -R-Dphotos=OUT/gray/test -R-Dmodel=FILE [-R-Dplain=FILE] \
//       bench/results/glow-tiling-cost.jsh
import java.nio.file.*;
import java.util.*;
import org.glowzip.codec.ans.*;
import org.glowzip.codec.flow.*;
import org.glowzip.codec.image.*;
import org.glowzip.codec.modelfile.*;
import org.glowzip.codec.tile.TileCoder;

IntGlow glow = new IntGlow(ModelFileReader.read(Path.of(System.getProperty("model"))), CodingParameters.DEFAULT);
String plainFile = System.getProperty("plain");
IntGlow plain = plainFile == null ? null : new IntGlow(ModelFileReader.read(Path.of(plainFile)), CodingParameters.DEFAULT);
int side = glow.config().height();
int channels = glow.config().channels();

Message funded() {
    Message message = new Message();
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 64 * side * side * channels; i++) message.push(random.nextInt(1 << 16), 1, 16);
    return message;
}

/** Bits of the photo's tiles coded by {@code flow}, each given its border where {@code bordered}. */
long bits(IntGlow flow, Canvas canvas, int h, int w, boolean bordered) {
    Message message = funded();
    long before = message.bitLength();
    for (int top = 0; top < h; top += side)
        for (int left = 0; left < w; left += side) {
            canvas.tile(top, left, side, side);
            TileBorder border = bordered ? TileCoder.border(canvas) : TileBorder.none(channels, side, side);
            flow.bitsBack(border).push(message, canvas.tileSamples());
        }
    return message.bitLength() - before;
}

double sumWith = 0, sumAlone = 0, sumPlain = 0;
int photos = 0;
System.out.printf("%-52s %10s %10s %10s%n", "photo", "neighbours", "alone", plain == null ? "" : "plain");
for (Path path : Files.list(Path.of(System.getProperty("photos"))).sorted().toList()) {
    Image image = ImageFormat.read(Files.readAllBytes(path));
    int h = (image.height() + side - 1) / side * side, w = (image.width() + side - 1) / side * side;
    byte[] planar = new byte[channels * h * w];
    for (int c = 0; c < channels; c++)
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                planar[(c * h + y) * w + x] = (byte) image.sample(Math.min(y, image.height() - 1), Math.min(x, image.width() - 1), Math.min(c, image.planes() - 1));
    Canvas canvas = Canvas.of(planar, channels, h, w);
    double samples = (double) channels * h * w; // the coded samples, padding included
    double a = bits(glow, canvas, h, w, true) / samples, b = bits(glow, canvas, h, w, false) / samples;
    double p = plain == null ? Double.NaN : bits(plain, canvas, h, w, false) / samples;
    sumWith += a; sumAlone += b; sumPlain += p; photos++;
    System.out.printf("%-52s %10.4f %10.4f %10.4f%n", path.getFileName(), a, b, p);
}
System.out.printf("mean over %d photos: with neighbours %.4f, tiles alone %.4f (%+.1f%%)%s bits per sample%n", photos, sumWith / photos,
        sumAlone / photos, 100 * (sumAlone / sumWith - 1), plain == null ? "" : String.format(", Glow without the condition %.4f", sumPlain / photos));
/exit
