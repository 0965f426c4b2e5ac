package org.glowzip.codec.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.glowzip.codec.MalformedStreamException;
import org.junit.jupiter.api.Test;

class VarintTest {

    @Property(tries = 1000)
    void valuesRoundTripInTheirSize(@ForAll @LongRange(min = 0, max = (1L << 35) - 1) long value) throws MalformedStreamException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x99);
        Varint.write(out, value);
        out.write(0x99);
        byte[] bytes = out.toByteArray();
        assertEquals(Varint.size(value), bytes.length - 2);
        assertEquals(value, Varint.read(bytes, 1, bytes.length, "value"));
    }

    @Property(tries = 1000)
    void anyBytesReadAsAValueOrAreMalformed(@ForAll @Size(max = 8) byte[] bytes) {
        try {
            long value = Varint.read(bytes, 0, bytes.length, "value");
            assertTrue(value >= 0 && value < Varint.LIMIT);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Varint.write(out, value);
            assertEquals(java.util.HexFormat.of().formatHex(bytes, 0, Varint.size(value)), java.util.HexFormat.of().formatHex(out.toByteArray()),
                    "a value read has the encoding it was read from");
        } catch (MalformedStreamException e) {
            assertTrue(e.offset() >= 0 && e.offset() <= bytes.length);
        }
    }

    @Test
    void sizesAreSevenBitsAByte() {
        assertEquals(1, Varint.size(0));
        assertEquals(1, Varint.size(127));
        assertEquals(2, Varint.size(128));
        assertEquals(3, Varint.size(65536));
        assertEquals(5, Varint.size(Varint.LIMIT - 1));
        assertThrows(IllegalArgumentException.class, () -> Varint.size(Varint.LIMIT));
        assertThrows(IllegalArgumentException.class, () -> Varint.size(-1));
    }

    @Test
    void overlongTruncatedAndNonMinimalEncodingsAreRejected() {
        assertMalformed(new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 1}, 5, 0, "width: varint longer than 5 bytes");
        assertMalformed(new byte[] {(byte) 0x81, 0}, 2, 0, "width: varint longer than its value needs");
        assertMalformed(new byte[] {(byte) 0x81, (byte) 0x81, 1}, 2, 2, "truncated in width");
    }

    private static void assertMalformed(byte[] bytes, int end, long offset, String reason) {
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> Varint.read(bytes, 0, end, "width"));
        assertEquals(offset, e.offset());
        assertEquals(reason, e.reason());
    }
}
