package org.glowzip.codec.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.glowzip.codec.MalformedStreamException;
import org.junit.jupiter.api.Test;

class GlowzipFormTest {
    private static final byte[] SINGLE = {(byte) 0x89, 'G', 'i', 0x10};
    private static final byte[] STREAM = StreamFormat.magic();

    @Test
    void theMagicTellsTheForms() throws MalformedStreamException {
        assertEquals(GlowzipForm.SINGLE_IMAGE, GlowzipForm.of(SINGLE));
        assertEquals(GlowzipForm.STREAM, GlowzipForm.of(STREAM));
        for (byte[] foreign : new byte[][] {{}, {(byte) 0x89, 'G'}, {(byte) 0x89, 'G', 'L', 'O'}, {(byte) 0x89, 'G', 'Z'}, "GIF89a".getBytes()}) {
            MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> GlowzipForm.of(foreign));
            assertEquals(0, e.offset());
            assertEquals("not a glowzip image or stream", e.reason());
        }
    }

    @Test
    void anInputIsPeekedNotConsumed() throws IOException {
        BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(SINGLE));
        assertEquals(GlowzipForm.SINGLE_IMAGE, GlowzipForm.of(in));
        assertArrayEquals(SINGLE, in.readAllBytes());
        assertThrows(IllegalArgumentException.class, () -> GlowzipForm.of(new ByteArrayInputStream(STREAM) {
            @Override
            public boolean markSupported() {
                return false;
            }
        }));
    }
}
