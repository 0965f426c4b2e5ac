package org.glowzip.codec.stream;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.glowzip.codec.ans.Message;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.tile.TileCoder;

/**
 * Writes a glowzip stream ({@link StreamFormat}): images are collected into blocks of at most
 * {@code blockSamples} samples, each block coded onto one message when it is full. A
 * {@link ModelChooser} picks each image's model; where the pick changes, the pending block is
 * closed and a model block written before the next, so a block holds images of one model. The
 * header names the first image's model: a writer of one model writes it at once, a writer with a
 * chooser with the first image (or at {@link #close}, for a stream without images). Full blocks
 * are coded on a shared pool, one per processor at a time, and written in order; so memory is
 * bounded by one more block than there are processors. {@link #close} writes the last block and
 * the end block and closes the underlying stream; {@link #cancel} abandons the stream instead,
 * and stops the coding of its blocks between tiles. A thread interrupted while it waits for a
 * block cancels the writer and gets an {@link InterruptedIOException}. A block is also closed
 * before its image table would exceed {@link StreamFormat#MAX_TABLE_BYTES} (images with large
 * metadata).
 */
public final class GlowzipWriter implements Closeable {
    /** Default block size in samples: 4 Mi, about 5,000 28 x 28 images. */
    public static final long DEFAULT_BLOCK_SAMPLES = 1L << 22;

    private final OutputStream out;
    private final ModelChooser models;
    private final Map<StreamModel, BlockCoder> coders = new HashMap<>();
    private final long blockSamples;
    private static final int PARALLELISM = Runtime.getRuntime().availableProcessors();
    private static final ExecutorService ENCODERS = Executors.newFixedThreadPool(PARALLELISM, task -> {
        Thread thread = new Thread(task, "glowzip-block-encoder");
        thread.setDaemon(true);
        return thread;
    });

    private final List<Image> pending = new ArrayList<>();
    private final Deque<Future<byte[]>> inFlight = new ArrayDeque<>();
    private ChecksumChain chain;
    /** The model of the pending block and of the last block written; {@code null} before the header. */
    private StreamModel model;
    private long pendingSamples;
    private long pendingTableBytes;
    private long images;
    private long blocks;
    private long bytes;
    private boolean closed;

    /**
     * A writer of a stream whose every image {@code tiles} codes: one model, no model blocks. It
     * writes the header now, so that {@link #byteCount} grows after that only with whole blocks.
     */
    public GlowzipWriter(OutputStream out, TileCoder tiles, long blockSamples) throws IOException {
        this(out, ModelChooser.always(tiles), blockSamples);
        writeHeader(StreamModel.of(tiles));
    }

    /** A writer of a stream whose images are each coded by the tile coder {@code models} picks. */
    public GlowzipWriter(OutputStream out, ModelChooser models, long blockSamples) {
        if (blockSamples < 1 || blockSamples > StreamFormat.MAX_BLOCK_SAMPLES) {
            throw new IllegalArgumentException("block size " + blockSamples + " samples outside 1.." + StreamFormat.MAX_BLOCK_SAMPLES);
        }
        this.out = out;
        this.models = models;
        this.blockSamples = blockSamples;
    }

    /** Adds an image; writes a block when the current one is full. */
    public void write(Image image) throws IOException {
        if (closed) {
            throw new IllegalStateException("writer closed");
        }
        TileCoder tiles = models.choose(image);
        StreamModel picked = StreamModel.of(tiles);
        coders.computeIfAbsent(picked, m -> new BlockCoder(tiles));
        if (model == null) {
            writeHeader(picked);
        } else if (!picked.equals(model)) {
            flushBlock();
            inFlight.add(CompletableFuture.completedFuture(ModelBlock.write(blocks++, picked)));
            model = picked;
        }
        long run = ImageTable.RUN_SIZE + image.metadata().length;
        if (!pending.isEmpty() && (pendingSamples + image.sampleCount() > blockSamples || pending.size() == StreamFormat.MAX_BLOCK_IMAGES
                || pendingTableBytes + run > StreamFormat.MAX_TABLE_BYTES)) {
            flushBlock();
        }
        pending.add(image);
        pendingSamples += image.sampleCount();
        pendingTableBytes += run;
        images++;
        while (!inFlight.isEmpty() && inFlight.peek().isDone()) {
            writeNextBlock();
        }
    }

    /** Images written so far. */
    public long imageCount() {
        return images;
    }

    /** Bytes written to the underlying stream so far. */
    public long byteCount() {
        return bytes;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (out) {
            if (model == null) {
                writeHeader(StreamModel.of(models.forNoImages()));
            }
            flushBlock();
            while (!inFlight.isEmpty()) {
                writeNextBlock();
            }
            writeChecked(new StreamEnd(images, blocks).write());
            out.flush();
        }
    }

    /**
     * Abandons the stream: blocks being coded are cancelled (their coding stops at the next tile)
     * and nothing more is written; the underlying stream stays open and the stream unfinished.
     * Idempotent, and harmless after {@link #close}.
     */
    public void cancel() {
        closed = true;
        pending.clear();
        pendingSamples = 0;
        Future<byte[]> block;
        while ((block = inFlight.poll()) != null) {
            block.cancel(true);
        }
    }

    /** Hands the pending images to the encoders; waits for the oldest while too many are in flight. */
    private void flushBlock() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        List<Image> block = List.copyOf(pending);
        BlockCoder coder = coders.get(model);
        long sequence = blocks++;
        pending.clear();
        pendingSamples = 0;
        pendingTableBytes = 0;
        inFlight.add(ENCODERS.submit(() -> blockBytes(coder, block, sequence)));
        while (inFlight.size() > PARALLELISM) {
            writeNextBlock();
        }
    }

    private void writeNextBlock() throws IOException {
        byte[] block;
        try {
            block = inFlight.peek().get();
        } catch (InterruptedException e) {
            cancel(); // the block waited for too
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while coding a block");
        } catch (ExecutionException e) {
            inFlight.poll();
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("coding a block failed", e.getCause());
        }
        inFlight.poll();
        writeChecked(block);
    }

    /** The header naming {@code first}, the first link of the checksum chain. */
    private void writeHeader(StreamModel first) throws IOException {
        byte[] header = StreamHeader.write(first.fingerprint(), first.parameters());
        out.write(header);
        bytes += header.length;
        chain = new ChecksumChain(StreamFormat.VERSION, ByteBuffer.wrap(header).getInt(StreamFormat.HEADER_SIZE - StreamFormat.CHECKSUM_SIZE));
        model = first;
    }

    /** A block's bytes up to its checksum: coded by {@code coder} when that is smaller, raw otherwise. */
    private static byte[] blockBytes(BlockCoder coder, List<Image> block, long sequence) throws IOException {
        ImageTable table = ImageTable.of(block);
        byte[] payload = codedPayload(coder, block, table.samples());
        int type = payload == null ? StreamFormat.RAW : StreamFormat.CODED;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new BlockHeader(type, sequence, block.size(), table.runs().size(), table.byteLength()).write());
        bytes.write(table.write());
        DataOutputStream data = new DataOutputStream(bytes);
        if (type == StreamFormat.CODED) {
            data.writeInt(payload.length);
            data.write(payload);
        } else {
            data.writeInt((int) table.samples());
            for (Image image : block) {
                data.write(image.samples());
            }
        }
        return bytes.toByteArray();
    }

    /** The coded payload, or {@code null} when it would not be smaller than the raw samples. */
    private static byte[] codedPayload(BlockCoder coder, List<Image> block, long samples) {
        Message[] lanes = coder.encodeIfSmaller(block, LanePlan.LaneCount.CHOSEN, samples, LanePayload::statedLength);
        return lanes == null ? null : LanePayload.writeStated(lanes);
    }

    /** Writes {@code array} followed by its chained checksum. */
    private void writeChecked(byte[] array) throws IOException {
        chain.update(array);
        out.write(array);
        new DataOutputStream(out).writeInt(chain.value());
        chain.next();
        bytes += array.length + StreamFormat.CHECKSUM_SIZE;
    }
}
