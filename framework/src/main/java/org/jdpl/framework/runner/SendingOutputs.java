package org.jdpl.framework.runner;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;
import org.jdpl.framework.channel.DeviceChannels;
import org.jdpl.framework.channel.Outlet;
import org.jdpl.framework.device.Input;
import org.jdpl.framework.device.Outputs;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.run.RunManifest;
import org.jdpl.framework.spec.OutputSpec;
import org.jdpl.transport.MessageEncoder;

/**
 * A device's {@link Outputs}: {@code make} hands out the payload region of the label's send buffer;
 * after the call, {@link #sendMade} sends everything made. Also sends the end of stream, once to
 * every stream any route reaches. Owns its send memory (closed with it).
 */
final class SendingOutputs implements Outputs, AutoCloseable
{
    private final String device;
    private final OutputChannel[] channels;
    private final List<Outlet> allStreams;
    private final Offerer offerer;
    private final RunnerCounters counters;
    private final Arena arena;
    private final UnsafeBuffer endOfStreamBuffer = new UnsafeBuffer(
        ByteBuffer.allocateDirect(org.jdpl.transport.MessageLayout.HEADER_BLOCK_SIZE));
    private List<DurableRoutes> durableRoutes = List.of();

    SendingOutputs(
        final String device,
        final List<OutputChannel> channels,
        final List<Outlet> allStreams,
        final Offerer offerer,
        final RunnerCounters counters,
        final Arena arena)
    {
        this.device = device;
        this.channels = channels.toArray(new OutputChannel[0]);
        this.allStreams = allStreams;
        this.offerer = offerer;
        this.counters = counters;
        this.arena = arena;
        counters.sizeOutputs(this.channels.length);
    }

    /**
     * Wires every output of {@code device} to the outlets of its routes; with a payload segment
     * ({@code segment} not null), payloads above the plan's inline threshold go through it.
     */
    static SendingOutputs wire(
        final RunManifest manifest,
        final int replica,
        final PlannedDevice device,
        final DeviceChannels channels,
        final Offerer offerer,
        final RunnerCounters counters,
        final SegmentAccess segment)
    {
        final Plan plan = manifest.plan();
        final Arena arena = Arena.ofShared();
        final List<OutputChannel> outputChannels = new ArrayList<>();
        final List<DurableRoutes> durable = new ArrayList<>();
        for (final OutputSpec output : device.outputs())
        {
            final OutputChannel channel = new OutputChannel(
                device.name(), output, channels.targetsOf(output.label()), channels.maxPayloadBytes(), arena)
                .remote(channels.remoteOf(output.label()));
            if (segment != null)
            {
                channel.segment(segment, plan.inlineMaxBytes(), channels.holdersOf(output.label(), plan));
            }
            final DurableRoutes routes = DurableRoutes.open(Path.of(manifest.runDir()), device, replica, output.label());
            if (routes != null)
            {
                channel.durable(routes);
                durable.add(routes);
            }
            outputChannels.add(channel);
        }
        return new SendingOutputs(device.name(), outputChannels, channels.allOutlets(), offerer, counters, arena)
            .durableRoutes(durable);
    }

    @Override
    public MemorySegment make(final String label, final long sizeBytes)
    {
        return channel(label).make(sizeBytes);
    }

    @Override
    public MemorySegment make(final int position, final long sizeBytes)
    {
        return channels[position].make(sizeBytes);
    }

    private SendingOutputs durableRoutes(final List<DurableRoutes> routes)
    {
        this.durableRoutes = routes;
        return this;
    }

    /** A segment-backed input goes on by reference: its consumers get holds on the same block, no bytes move. */
    @Override
    public void forward(final String label, final Input input)
    {
        forward(channel(label), input);
    }

    @Override
    public void forward(final int position, final Input input)
    {
        forward(channels[position], input);
    }

    private static void forward(final OutputChannel channel, final Input input)
    {
        if (input instanceof PayloadSlot slot && slot.segmentRef() >= 0 && channel.forward(slot.segmentRef(), slot.payloadBytes()))
        {
            return;
        }
        final MemorySegment payload = input.payload();
        MemorySegment.copy(payload, 0, channel.make(payload.byteSize()), 0, payload.byteSize());
    }

    private OutputChannel channel(final String label)
    {
        for (final OutputChannel channel : channels)
        {
            if (channel.label().equals(label))
            {
                return channel;
            }
        }
        throw new IllegalArgumentException("device '" + device + "' has no output labelled '" + label + "'; its outputs are " +
            labels() + " (a topology may rename specs, never labels)");
    }

    /** Sends every output made during the last call, as timeslice {@code timeslice}; returns how many. */
    int sendMade(final long timeslice)
    {
        int sent = 0;
        long creationEpochMs = 0;
        for (int i = 0; i < channels.length; i++)
        {
            final OutputChannel channel = channels[i];
            if (channel.isMade())
            {
                if (sent == 0)
                {
                    creationEpochMs = System.currentTimeMillis();
                }
                final long bytes = channel.send(timeslice, creationEpochMs, offerer);
                counters.bytesOut += bytes;
                counters.outputSent(i, bytes);
                sent++;
            }
        }
        if (sent > 0)
        {
            counters.timeslicesOut++;
        }
        return sent;
    }

    /** Payload parts sent to other hosts for payloads larger than one message. */
    long partsSent()
    {
        long parts = 0;
        for (final OutputChannel channel : channels)
        {
            parts += channel.partsSent();
        }
        return parts;
    }

    void discardMade()
    {
        for (final OutputChannel channel : channels)
        {
            channel.discard();
        }
    }

    /** Sends the end of stream to every stream of every route, once each. */
    void sendEndOfStream(final long timeslicesSent)
    {
        final int length = new MessageEncoder().wrap(endOfStreamBuffer, 0)
            .writeEndOfStream(timeslicesSent, System.currentTimeMillis());
        for (final Outlet outlet : allStreams)
        {
            offerer.offer(outlet, endOfStreamBuffer, 0, length);
        }
        for (final DurableRoutes routes : durableRoutes)
        {
            routes.appendEndOfStream(endOfStreamBuffer.addressOffset(), length);
        }
    }

    /** Whether every stream has a consumer; a producer sends nothing before. */
    boolean allConnected()
    {
        for (final Outlet outlet : allStreams)
        {
            if (!outlet.isConnected())
            {
                return false;
            }
        }
        return true;
    }

    int streamCount()
    {
        return allStreams.size();
    }

    @Override
    public void close()
    {
        CloseHelper.quietCloseAll(durableRoutes);
        arena.close();
    }

    private List<String> labels()
    {
        final List<String> labels = new ArrayList<>();
        for (final OutputChannel channel : channels)
        {
            labels.add(channel.label());
        }
        return labels;
    }
}
