package org.jdpl.framework.run;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jdpl.framework.plan.Completion;
import org.jdpl.framework.plan.FailurePolicy;
import org.jdpl.framework.plan.FanOut;
import org.jdpl.framework.plan.GpuPlacement;
import org.jdpl.framework.plan.HostPlacement;
import org.jdpl.framework.plan.NetSettings;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.PlannedHost;
import org.jdpl.framework.plan.ProcessGroup;
import org.jdpl.framework.plan.RateLimit;
import org.jdpl.framework.plan.Route;
import org.jdpl.framework.spec.DataMatcher;
import org.jdpl.framework.spec.DataSpec;
import org.jdpl.framework.spec.InputSpec;
import org.jdpl.framework.spec.Lifetime;
import org.jdpl.framework.spec.OutputSpec;
import org.jdpl.framework.spec.TimerSpec;

/**
 * The run manifest as bytes and back, field by field, for {@link ManifestFile}. Written out by hand,
 * without reflection or lambdas: a device process reads it once at start, and generic record code
 * (core reflection through method handles) spun ~120 classes and cost a forwarder more CPU than the
 * rest of its set-up. Every record is rebuilt with its canonical constructor, so its checks run.
 * Enums travel as ordinals: the reader is always the same build as the writer. A field added to a
 * plan record must be added here (ManifestFileTest counts them).
 */
final class ManifestCodec
{
    private ManifestCodec()
    {
    }

    static void write(final DataOutput out, final RunManifest m) throws IOException
    {
        string(out, m.runId());
        string(out, m.runDir());
        string(out, m.shmDir());
        string(out, m.aeronDir());
        out.writeLong(m.driverPid());
        final Plan plan = m.plan();
        out.writeInt(plan.devices().size());
        for (final PlannedDevice device : plan.devices())
        {
            device(out, device);
        }
        out.writeInt(plan.controlStreamId());
        out.writeLong(plan.inlineMaxBytes());
        strings(out, plan.sources());
        out.writeLong(plan.segmentSizeBytes());
        out.writeInt(plan.groups().size());
        for (final ProcessGroup group : plan.groups())
        {
            string(out, group.name());
            strings(out, group.devices());
            out.writeInt(group.replicas());
            string(out, group.origin());
        }
        placement(out, plan.placement());
        out.writeInt(plan.rateLimit().timeframesInFlight());
        out.writeBoolean(plan.rateLimit().smooth());
        out.writeInt(plan.libraries().size());
        for (final Map.Entry<String, String> library : plan.libraries().entrySet())
        {
            string(out, library.getKey());
            string(out, library.getValue());
        }
    }

    static RunManifest read(final DataInput in) throws IOException
    {
        final String runId = string(in);
        final String runDir = string(in);
        final String shmDir = string(in);
        final String aeronDir = string(in);
        final long driverPid = in.readLong();
        final int deviceCount = in.readInt();
        final List<PlannedDevice> devices = new ArrayList<>(deviceCount);
        for (int i = 0; i < deviceCount; i++)
        {
            devices.add(device(in));
        }
        final int controlStreamId = in.readInt();
        final long inlineMaxBytes = in.readLong();
        final List<String> sources = strings(in);
        final long segmentSizeBytes = in.readLong();
        final int groupCount = in.readInt();
        final List<ProcessGroup> groups = new ArrayList<>(groupCount);
        for (int i = 0; i < groupCount; i++)
        {
            groups.add(new ProcessGroup(string(in), strings(in), in.readInt(), string(in)));
        }
        final HostPlacement placement = placement(in);
        final RateLimit rateLimit = new RateLimit(in.readInt(), in.readBoolean());
        final int libraryCount = in.readInt();
        final Map<String, String> libraries = new LinkedHashMap<>();
        for (int i = 0; i < libraryCount; i++)
        {
            libraries.put(string(in), string(in));
        }
        return new RunManifest(runId, runDir, shmDir, aeronDir, driverPid,
            new Plan(devices, controlStreamId, inlineMaxBytes, sources, segmentSizeBytes, groups, placement, rateLimit, libraries));
    }

    private static void device(final DataOutput out, final PlannedDevice d) throws IOException
    {
        string(out, d.name());
        string(out, d.type());
        out.writeInt(d.replicas());
        out.writeByte(d.completion().ordinal());
        string(out, d.options());
        out.writeInt(d.inputs().size());
        for (final InputSpec input : d.inputs())
        {
            string(out, input.label());
            string(out, input.matcher().origin());
            string(out, input.matcher().description());
            out.writeLong(input.matcher().subSpec());
            out.writeByte(input.lifetime().ordinal());
            out.writeBoolean(input.timer() != null);
            if (input.timer() != null)
            {
                out.writeLong(input.timer().periodNanos());
                out.writeLong(input.timer().ticks());
            }
        }
        out.writeInt(d.outputs().size());
        for (final OutputSpec output : d.outputs())
        {
            string(out, output.label());
            spec(out, output.spec());
            out.writeByte(output.lifetime().ordinal());
        }
        out.writeInt(d.firstStreamId());
        out.writeInt(d.upstreamProducers());
        out.writeInt(d.routes().size());
        for (final Route route : d.routes())
        {
            string(out, route.outputLabel());
            spec(out, route.spec());
            string(out, route.consumer());
            string(out, route.consumerLabel());
            out.writeInt(route.consumerReplicas());
            out.writeInt(route.consumerFirstStreamId());
            out.writeBoolean(route.durable());
            out.writeBoolean(route.condition());
        }
        string(out, d.idleStrategy());
        out.writeByte(d.failurePolicy().onCrash().ordinal());
        out.writeInt(d.failurePolicy().restartMax());
        out.writeLong(d.failurePolicy().restartWindowMs());
        out.writeByte(d.failurePolicy().onError().ordinal());
        out.writeLong(d.failurePolicy().silentAfterMs());
        string(out, d.origin());
        final GpuPlacement gpu = d.gpu();
        out.writeBoolean(gpu != null);
        if (gpu != null)
        {
            string(out, gpu.backend());
            out.writeInt(gpu.indices().size());
            for (final int index : gpu.indices())
            {
                out.writeInt(index);
            }
            out.writeBoolean(gpu.share());
            out.writeLong(gpu.memoryBytes());
            string(out, gpu.discovery());
        }
        out.writeInt(d.autoPipelineMax());
        out.writeLong(d.heapBytes());
    }

    private static PlannedDevice device(final DataInput in) throws IOException
    {
        final String name = string(in);
        final String type = string(in);
        final int replicas = in.readInt();
        final Completion completion = Completion.values()[in.readByte()];
        final String options = string(in);
        final int inputCount = in.readInt();
        final List<InputSpec> inputs = new ArrayList<>(inputCount);
        for (int i = 0; i < inputCount; i++)
        {
            final String label = string(in);
            final DataMatcher matcher = new DataMatcher(string(in), string(in), in.readLong());
            final Lifetime lifetime = Lifetime.values()[in.readByte()];
            final TimerSpec timer = in.readBoolean() ? new TimerSpec(in.readLong(), in.readLong()) : null;
            inputs.add(new InputSpec(label, matcher, lifetime, timer));
        }
        final int outputCount = in.readInt();
        final List<OutputSpec> outputs = new ArrayList<>(outputCount);
        for (int i = 0; i < outputCount; i++)
        {
            outputs.add(new OutputSpec(string(in), spec(in), Lifetime.values()[in.readByte()]));
        }
        final int firstStreamId = in.readInt();
        final int upstreamProducers = in.readInt();
        final int routeCount = in.readInt();
        final List<Route> routes = new ArrayList<>(routeCount);
        for (int i = 0; i < routeCount; i++)
        {
            routes.add(new Route(string(in), spec(in), string(in), string(in), in.readInt(), in.readInt(), in.readBoolean(),
                in.readBoolean()));
        }
        final String idleStrategy = string(in);
        final FailurePolicy failurePolicy = new FailurePolicy(FailurePolicy.OnCrash.values()[in.readByte()], in.readInt(), in.readLong(),
            FailurePolicy.OnError.values()[in.readByte()], in.readLong());
        final String origin = string(in);
        GpuPlacement gpu = null;
        if (in.readBoolean())
        {
            final String backend = string(in);
            final int indexCount = in.readInt();
            final List<Integer> indices = new ArrayList<>(indexCount);
            for (int i = 0; i < indexCount; i++)
            {
                indices.add(in.readInt());
            }
            gpu = new GpuPlacement(backend, indices, in.readBoolean(), in.readLong(), string(in));
        }
        return new PlannedDevice(name, type, replicas, completion, options, inputs, outputs, firstStreamId, upstreamProducers, routes,
            idleStrategy, failurePolicy, origin, gpu, in.readInt(), in.readLong());
    }

    private static void placement(final DataOutput out, final HostPlacement placement) throws IOException
    {
        out.writeInt(placement.hosts().size());
        for (final PlannedHost host : placement.hosts())
        {
            string(out, host.name());
            string(out, host.address());
        }
        out.writeInt(placement.replicaHosts().size());
        for (final Map.Entry<String, List<String>> entry : placement.replicaHosts().entrySet())
        {
            string(out, entry.getKey());
            strings(out, entry.getValue());
        }
        final NetSettings net = placement.net();
        out.writeInt(net.mtuBytes());
        out.writeLong(net.socketBufferBytes());
        out.writeLong(net.receiverWindowBytes());
        out.writeInt(net.termLengthBytes());
        out.writeInt(net.basePort());
        out.writeByte(net.fanOut().ordinal());
        string(out, net.multicastGroup());
        out.writeBoolean(net.listenOnAll());
        out.writeLong(net.silentAfterMs());
    }

    private static HostPlacement placement(final DataInput in) throws IOException
    {
        final int hostCount = in.readInt();
        final List<PlannedHost> hosts = new ArrayList<>(hostCount);
        for (int i = 0; i < hostCount; i++)
        {
            hosts.add(new PlannedHost(string(in), string(in)));
        }
        final int replicaHostCount = in.readInt();
        final Map<String, List<String>> replicaHosts = new LinkedHashMap<>();
        for (int i = 0; i < replicaHostCount; i++)
        {
            replicaHosts.put(string(in), strings(in));
        }
        final NetSettings net = new NetSettings(in.readInt(), in.readLong(), in.readLong(), in.readInt(), in.readInt(),
            FanOut.values()[in.readByte()], string(in), in.readBoolean(), in.readLong());
        return new HostPlacement(hosts, replicaHosts, net);
    }

    private static void spec(final DataOutput out, final DataSpec spec) throws IOException
    {
        string(out, spec.origin());
        string(out, spec.description());
        out.writeLong(spec.subSpec());
    }

    private static DataSpec spec(final DataInput in) throws IOException
    {
        return new DataSpec(string(in), string(in), in.readLong());
    }

    private static void strings(final DataOutput out, final List<String> values) throws IOException
    {
        out.writeInt(values.size());
        for (final String value : values)
        {
            string(out, value);
        }
    }

    private static List<String> strings(final DataInput in) throws IOException
    {
        final int count = in.readInt();
        final List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            values.add(string(in));
        }
        return values;
    }

    /** Length (-1 for null) and UTF-8 bytes: {@code writeUTF} stops at 64 KiB, and a device's options may be longer. */
    private static void string(final DataOutput out, final String value) throws IOException
    {
        if (value == null)
        {
            out.writeInt(-1);
            return;
        }
        final byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(final DataInput in) throws IOException
    {
        final int length = in.readInt();
        if (length < 0)
        {
            return null;
        }
        final byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
