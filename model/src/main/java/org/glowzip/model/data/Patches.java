package org.glowzip.model.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.input.ImageInputs;
import org.glowzip.codec.input.ImageSource;
import org.glowzip.codec.input.InputLimits;

/**
 * Random square patches of images of any size: how the photo models see their photos. Patch
 * {@code i} lies in photo j with probability proportional to the number of places a patch fits
 * in it, at a uniformly random place; photos smaller than a patch give none. The choice is fixed
 * by the seed. Channels follow {@link ImageSet#read}'s rule (a gray photo repeats its plane, an
 * RGB one gives its first channels). Patches of 8-bit samples only: a 16-bit photo gives its
 * high bytes.
 */
public final class Patches {
    private Patches() {
    }

    /** {@code count} patches of {@code size x size} from the images of {@code input} (a folder, archive or file). */
    public static ImageSet random(Path input, int channels, int size, int count, long seed) throws IOException {
        if (size < 1 || count < 1 || channels < 1) {
            throw new IllegalArgumentException(count + " patches of " + size + "x" + size + "x" + channels);
        }
        List<Image> photos = new ArrayList<>();
        try (ImageSource source = new ImageInputs(InputLimits.DEFAULTS).open(input)) {
            for (Image image = source.next(); image != null; image = source.next()) {
                if (image.width() >= size && image.height() >= size) {
                    photos.add(image);
                }
            }
        }
        if (photos.isEmpty()) {
            throw new IOException(input + " holds no image of at least " + size + "x" + size);
        }
        long[] places = new long[photos.size() + 1];
        for (int j = 0; j < photos.size(); j++) {
            Image photo = photos.get(j);
            places[j + 1] = places[j] + (long) (photo.width() - size + 1) * (photo.height() - size + 1);
        }
        long patchSize = (long) channels * size * size;
        if (patchSize * count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(count + " patches of " + patchSize + " samples are more than 2^31-1 samples");
        }
        byte[] pixels = new byte[(int) (patchSize * count)];
        SplittableRandom random = new SplittableRandom(seed);
        int n = 0;
        for (int i = 0; i < count; i++) {
            long place = random.nextLong(places[photos.size()]);
            int j = Arrays.binarySearch(places, place);
            j = j >= 0 ? j : -j - 2;
            while (places[j + 1] == places[j]) {
                j++;
            }
            Image photo = photos.get(j);
            long within = place - places[j];
            int across = photo.width() - size + 1;
            int top = (int) (within / across);
            int left = (int) (within % across);
            for (int c = 0; c < channels; c++) {
                int plane = photo.channels() >= channels ? c : 0; // a 16-bit photo's high bytes are its first planes
                for (int y = top; y < top + size; y++) {
                    for (int x = left; x < left + size; x++) {
                        pixels[n++] = (byte) photo.sample(y, x, plane);
                    }
                }
            }
        }
        int[] labels = new int[count];
        Arrays.fill(labels, -1);
        return new ImageSet(channels, size, size, pixels, labels);
    }
}
