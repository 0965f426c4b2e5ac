package org.glowzip.bench.compare;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;

/** A general-purpose compressor run over the concatenated raw samples of all images ("archive"). */
public record ArchiveCodec(String name, String setting, Compressor compressor, Decompressor decompressor) {

    /** Wraps an output stream in a compressor. */
    public interface Compressor {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    /** Wraps an input stream in a decompressor. */
    public interface Decompressor {
        InputStream wrap(InputStream in) throws IOException;
    }

    /** The compressors of the benchmark, each at its strongest common setting. */
    public static List<ArchiveCodec> all() {
        return List.of(
                new ArchiveCodec("gzip", "-9", out -> {
                    GzipParameters parameters = new GzipParameters();
                    parameters.setCompressionLevel(9);
                    return new GzipCompressorOutputStream(out, parameters);
                }, GzipCompressorInputStream::new),
                new ArchiveCodec("bzip2", "-9", out -> new BZip2CompressorOutputStream(out, 9), BZip2CompressorInputStream::new),
                new ArchiveCodec("xz", "-9", out -> new XZCompressorOutputStream(out, 9), XZCompressorInputStream::new),
                new ArchiveCodec("zstd", "-19", out -> new ZstdCompressorOutputStream(out, 19), ZstdCompressorInputStream::new),
                new ArchiveCodec("deflate", "level 9", out -> new DeflaterOutputStream(out, new Deflater(9)), InflaterInputStream::new));
    }

    public byte[] compress(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = compressor.wrap(bytes)) {
            out.write(raw);
        }
        return bytes.toByteArray();
    }

    public byte[] decompress(byte[] compressed) throws IOException {
        try (InputStream in = decompressor.wrap(new ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        }
    }
}
