package org.jdpl.devices.record;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

import org.agrona.concurrent.UnsafeBuffer;
import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.EndOfStreamContext;
import org.jdpl.framework.device.InitContext;
import org.jdpl.framework.device.Input;
import org.jdpl.framework.device.ProcessingContext;
import org.jdpl.framework.spec.DataSpec;
import org.jdpl.transport.MessageEncoder;
import org.jdpl.transport.MessageLayout;
import org.jdpl.transport.durable.DurableWriter;

/**
 * Appends every message it receives to a Chronicle queue, as it travels on the wire (O2 header
 * block, then payload), so {@code tf-replayer} can send the same timeframes again later. The
 * header is rebuilt from the input; payloads are written from where they are, without a copy.
 */
final class TfRecorder implements Device
{
    private final MessageEncoder encoder = new MessageEncoder();
    private final Arena arena = Arena.ofShared();
    private final UnsafeBuffer header = new UnsafeBuffer(arena.allocate(MessageLayout.PAYLOAD_OFFSET, 64).address(), MessageLayout.PAYLOAD_OFFSET);
    private DurableWriter writer;
    private MemorySegment staging = MemorySegment.NULL;
    private long recorded;
    private long bytes;

    @Override
    public void init(final InitContext ctx)
    {
        final String path = ctx.options().getString(TfRecorderFactory.PATH);
        if (path.isBlank())
        {
            throw new IllegalArgumentException("tf-recorder '" + ctx.info().name() + "': say where to record: options { path = <directory> }");
        }
        if (ctx.info().inputSpecs().isEmpty())
        {
            throw new IllegalArgumentException("tf-recorder '" + ctx.info().name() + "': say what to record: inputs = [\"a:TRK/SPACEPOINTS\", ...]");
        }
        writer = DurableWriter.open(Path.of(path));
    }

    @Override
    public void process(final ProcessingContext ctx)
    {
        for (int i = 0; i < ctx.inputs().count(); i++)
        {
            final Input input = ctx.inputs().at(i);
            final DataSpec spec = input.spec();
            final MemorySegment payload = nativePayload(input.payload());
            encoder.wrap(header, 0)
                .writeHeaderBlock(spec.origin(), spec.description(), spec.subSpec())
                .stamp(payload.byteSize(), ctx.timeslice(), System.currentTimeMillis());
            writer.append(header.addressOffset(), MessageLayout.PAYLOAD_OFFSET, payload.address(), payload.byteSize());
            recorded++;
            bytes += payload.byteSize();
        }
        ctx.metrics().set("recorded", recorded);
        ctx.metrics().set("recordedBytes", bytes);
    }

    @Override
    public void endOfStream(final EndOfStreamContext ctx)
    {
        final int length = encoder.wrap(header, 0).writeEndOfStream(recorded, System.currentTimeMillis());
        writer.append(header.addressOffset(), length, 0, 0);
    }

    /** On every way out: a stopped or failed recording still closes its queue, and keeps what it wrote. */
    @Override
    public void close()
    {
        if (writer != null)
        {
            writer.close();
        }
        arena.close();
    }

    /** Inline payloads already live off-heap; anything else is staged once in a reused native buffer. */
    private MemorySegment nativePayload(final MemorySegment payload)
    {
        if (payload.isNative())
        {
            return payload;
        }
        if (staging.byteSize() < payload.byteSize())
        {
            staging = arena.allocate(Math.max(payload.byteSize(), 2 * staging.byteSize()), 64);
        }
        return staging.asSlice(0, payload.byteSize()).copyFrom(payload);
    }
}
