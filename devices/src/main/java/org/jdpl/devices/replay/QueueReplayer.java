package org.jdpl.devices.replay;

import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;

import org.agrona.DirectBuffer;
import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.EndOfStreamContext;
import org.jdpl.framework.device.InitContext;
import org.jdpl.framework.device.ProcessingContext;

import org.jdpl.transport.DataHeaderFlyweight;
import org.jdpl.transport.MessageDecoder;
import org.jdpl.transport.MessageLayout;
import org.jdpl.transport.WireError;
import org.jdpl.transport.durable.DurableMessageHandler;
import org.jdpl.transport.durable.DurableReader;

/**
 * Sends one recorded payload per call, in recorded order, and ends the stream at the recorded end
 * of stream or at the end of the queue. Recorded messages that fail the wire checks are skipped
 * and counted ({@code corrupt}).
 */
final class QueueReplayer implements Device, DurableMessageHandler
{
    private final MessageDecoder decoder = new MessageDecoder();
    private DurableReader reader;
    private ProcessingContext current;
    private boolean ended;
    private long replayed;
    private long corrupt;

    @Override
    public void init(final InitContext ctx)
    {
        final Path queue = Path.of(ctx.options().getString("queue"));
        if (!Files.isDirectory(queue))
        {
            throw new IllegalArgumentException("queue-replayer '" + ctx.info().name() + "': no queue directory " +
                queue.toAbsolutePath() + "; give option queue = <run dir>/queues/<queue>");
        }
        reader = DurableReader.openExisting(queue);
    }

    @Override
    public void process(final ProcessingContext ctx)
    {
        current = ctx;
        final long before = replayed;
        while (!ended && replayed == before && !ctx.control().stopRequested())
        {
            if (reader.poll(this, 1) == 0)
            {
                ended = true;
            }
        }
        if (ended || ctx.control().stopRequested())
        {
            ctx.control().endOfStream();
        }
        ctx.metrics().set("replayed", replayed);
        ctx.metrics().set("corrupt", corrupt);
    }

    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final long index)
    {
        if (decoder.check(buffer, offset, length) != WireError.NONE || decoder.dataHeader().isSegmentRef())
        {
            corrupt++;
            return;
        }
        final DataHeaderFlyweight header = decoder.dataHeader();
        if (header.isEndOfStream())
        {
            ended = true;
            return;
        }
        final int size = decoder.payloadSize();
        final MemorySegment payload = current.outputs().make(QueueReplayerFactory.OUTPUT, size);
        MemorySegment.copy(MemorySegment.ofAddress(buffer.addressOffset()).reinterpret(offset + length), offset +
            MessageLayout.PAYLOAD_OFFSET, payload, 0, size);
        replayed++;
    }

    @Override
    public void endOfStream(final EndOfStreamContext ctx)
    {
        if (reader != null)
        {
            reader.close();
        }
    }
}
