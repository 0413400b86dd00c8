package io.mysqlmigrate.converter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bytes of one envelope at a time, written into a buffer and through a JSON generator that both live as long as
 * the converter: allocating them per record (a builder of linked segments, the generator and its buffers, then
 * joining the segments) was a fifth of the source task thread in a full-load profile.
 *
 * <p>Connect calls a converter from its task's thread only, but nothing in the Converter contract promises that, so
 * the buffer is lent out through an atomic slot: a second thread that finds it taken writes with a buffer of its own.
 * A buffer that had to grow past {@link #KEPT_CAPACITY} (a large BLOB) is not kept, so one big row does not pin its
 * size for the life of the task; nor is one whose write failed (its generator's state is unknown).
 */
final class EnvelopeEncoder {

    /** Buffers up to this size are kept between records. */
    static final int KEPT_CAPACITY = 1 << 20;
    private static final int INITIAL_CAPACITY = 8192;

    /** Writes the payload into the generator; the encoder writes everything around it. */
    interface PayloadWrite {
        void write(JsonGenerator g) throws IOException;
    }

    private final JsonFactory json;
    private final AtomicReference<Slot> idle = new AtomicReference<>();

    EnvelopeEncoder(JsonFactory json) {
        this.json = json;
    }

    /** {@code prefix}, then the payload as JSON, then {@code suffix}, as one new array. */
    byte[] encode(byte[] prefix, PayloadWrite payload, byte suffix) throws IOException {
        Slot slot = idle.getAndSet(null);
        if (slot == null) {
            slot = new Slot(json);
        }
        slot.out.reset();
        slot.out.write(prefix);
        payload.write(slot.generator);
        slot.generator.flush();
        slot.out.write(suffix);
        byte[] bytes = slot.out.toByteArray();
        if (slot.out.capacity() <= KEPT_CAPACITY) {
            idle.set(slot);
        }
        return bytes;
    }

    /** One buffer with its generator. */
    private static final class Slot {
        final GrowableBytes out = new GrowableBytes(INITIAL_CAPACITY);
        final JsonGenerator generator;

        Slot(JsonFactory json) throws IOException {
            generator = json.createGenerator(out);
            generator.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
            // One root value per record: no separator between one record's payload and the next's.
            generator.setRootValueSeparator(null);
        }
    }

    /** A byte array output stream without synchronisation, reset between records. */
    static final class GrowableBytes extends OutputStream {
        private byte[] buf;
        private int count;

        GrowableBytes(int capacity) {
            buf = new byte[capacity];
        }

        void reset() {
            count = 0;
        }

        int capacity() {
            return buf.length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, count);
        }

        @Override
        public void write(int b) {
            ensure(1);
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        private void ensure(int more) {
            int needed = count + more;
            if (needed < 0) {
                throw new OutOfMemoryError("A record's JSON exceeds the largest Java array");
            }
            if (needed > buf.length) {
                int grown = Math.max(needed, buf.length > (Integer.MAX_VALUE - 8) / 2 ? Integer.MAX_VALUE - 8 : buf.length * 2);
                buf = Arrays.copyOf(buf, grown);
            }
        }
    }
}
