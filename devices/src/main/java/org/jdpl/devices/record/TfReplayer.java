package org.jdpl.devices.record;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.agrona.DirectBuffer;
import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.InitContext;
import org.jdpl.framework.device.ProcessingContext;
import org.jdpl.framework.spec.DataSpec;
import org.jdpl.framework.spec.OutputSpec;
import org.jdpl.transport.DataHeaderFlyweight;
import org.jdpl.transport.MessageDecoder;
import org.jdpl.transport.MessageLayout;
import org.jdpl.transport.ProcessingHeaderFlyweight;
import org.jdpl.transport.WireError;
import org.jdpl.transport.durable.DurableMessageHandler;
import org.jdpl.transport.durable.DurableReader;

/**
 * A source that sends a recorded queue again (written by {@code tf-recorder}, or a durable
 * channel's queue): one call per recorded timeslice, each message on the output whose spec it
 * carries (or on the only output, when there is one), at the recorded pace or as fast as the
 * consumers take them. A message is read into a reused staging buffer, so the first message of the
 * next timeslice waits there for the next call. Messages that fail the wire checks, or that no
 * output takes, are counted and skipped.
 */
final class TfReplayer implements Device, DurableMessageHandler
{
    private final MessageDecoder decoder = new MessageDecoder();
    private final DataHeaderFlyweight dataHeader = new DataHeaderFlyweight();
    private final ProcessingHeaderFlyweight processingHeader = new ProcessingHeaderFlyweight();
    private final List<OutputSpec> outputs = new ArrayList<>();
    private final Arena arena = Arena.ofShared();
    private MemorySegment staging = MemorySegment.NULL;
    private DurableReader reader;
    private boolean originalPace;
    private boolean held;
    private long heldTimeslice;
    private long heldCreationMs;
    private long heldPayloadBytes;
    private DataSpec heldSpec;
    private long firstRecordedMs = -1;
    private long firstReplayMs;
    private boolean ended;
    private long replayed;
    private long skipped;

    @Override
    public void init(final InitContext ctx)
    {
        final Path path = Path.of(ctx.options().getString(TfReplayerFactory.PATH));
        if (!Files.isDirectory(path))
        {
            throw new IllegalArgumentException("tf-replayer '" + ctx.info().name() + "': no recorded queue at " + path.toAbsolutePath() +
                "; give options { path = <directory a tf-recorder wrote, or runs/<run>/queues/<queue>> }");
        }
        final String pace = ctx.options().getString(TfReplayerFactory.PACE);
        if (!pace.equals("fast") && !pace.equals("original"))
        {
            throw new IllegalArgumentException("tf-replayer '" + ctx.info().name() + "': pace must be fast or original, not '" + pace + "'");
        }
        originalPace = pace.equals("original");
        outputs.addAll(ctx.info().outputSpecs());
        reader = DurableReader.openExisting(path);
    }

    @Override
    public void process(final ProcessingContext ctx)
    {
        if (!held && !readNext())
        {
            ctx.control().endOfStream();
            return;
        }
        if (originalPace && !due(heldCreationMs))
        {
            return;
        }
        final long timeslice = heldTimeslice;
        do
        {
            sendHeld(ctx);
        }
        while (readNext() && heldTimeslice == timeslice);
        if (!held || ctx.control().stopRequested())
        {
            ctx.control().endOfStream();
        }
        ctx.metrics().set("replayed", replayed);
        ctx.metrics().set("skipped", skipped);
    }

    /** Reads messages until one is held; false at the end of the queue or its end of stream. */
    private boolean readNext()
    {
        held = false;
        while (!held && !ended)
        {
            if (reader.poll(this, 1) == 0)
            {
                ended = true;
            }
        }
        return held;
    }

    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final long index)
    {
        if (decoder.check(buffer, offset, length) != WireError.NONE || decoder.dataHeader().isSegmentRef())
        {
            skipped++;
            return;
        }
        if (decoder.dataHeader().isEndOfStream())
        {
            ended = true;
            return;
        }
        if (staging.byteSize() < length)
        {
            staging = arena.allocate(Math.max(length, 2 * staging.byteSize()), 64);
        }
        MemorySegment.copy(MemorySegment.ofAddress(buffer.addressOffset() + offset).reinterpret(length), 0, staging, 0, length);
        dataHeader.wrapForRead(buffer, offset + MessageLayout.DATA_HEADER_OFFSET);
        processingHeader.wrapForRead(buffer, offset + MessageLayout.PROCESSING_HEADER_OFFSET);
        heldSpec = new DataSpec(dataHeader.dataOrigin(), dataHeader.dataDescription(), dataHeader.subSpecification());
        heldTimeslice = processingHeader.startTime();
        heldCreationMs = processingHeader.creation();
        heldPayloadBytes = decoder.payloadSize();
        held = true;
    }

    private void sendHeld(final ProcessingContext ctx)
    {
        final String label = labelFor(heldSpec);
        if (label == null)
        {
            skipped++;
            return;
        }
        MemorySegment.copy(staging, MessageLayout.PAYLOAD_OFFSET, ctx.outputs().make(label, heldPayloadBytes), 0, heldPayloadBytes);
        replayed++;
    }

    private boolean due(final long recordedMs)
    {
        final long now = System.currentTimeMillis();
        if (firstRecordedMs < 0)
        {
            firstRecordedMs = recordedMs;
            firstReplayMs = now;
        }
        return now - firstReplayMs >= recordedMs - firstRecordedMs;
    }

    private String labelFor(final DataSpec spec)
    {
        for (final OutputSpec output : outputs)
        {
            if (output.spec().equals(spec))
            {
                return output.label();
            }
        }
        return outputs.size() == 1 ? outputs.get(0).label() : null;
    }

    /** On every way out, so that a stopped or failed replay leaves no queue open. */
    @Override
    public void close()
    {
        if (reader != null)
        {
            reader.close();
        }
        arena.close();
    }
}
