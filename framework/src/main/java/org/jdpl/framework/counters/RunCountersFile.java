package org.jdpl.framework.counters;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.agrona.IoUtil;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.Route;

/**
 * A run's counters file: a 64-byte header, then Agrona counter metadata, then values, memory-mapped.
 * The Driver {@link #create creates} it and allocates every counter of the plan before any device
 * starts (Agrona's allocator is single-process, so nobody else allocates); device processes and
 * tools {@link #open open} it and find their counters by type id and key
 * ({@code deviceIndex, replica, routeIndex}, see {@link CounterKey}). The mapping outlives the
 * file's removal, so a reader never faults when the run ends under it.
 */
public final class RunCountersFile implements AutoCloseable
{
    private static final int MAGIC = 0x4A445043; // "JDPC"
    private static final int VERSION = 1;
    private static final int HEADER_LENGTH = 64;
    private static final int MAGIC_OFFSET = 0;
    private static final int VERSION_OFFSET = 4;
    private static final int METADATA_LENGTH_OFFSET = 8;
    private static final int VALUES_LENGTH_OFFSET = 12;
    private static final int READY_OFFSET = 16;
    /** Host counters' labels: {@code host NAME: label}. */
    static final String HOST_LABEL_PREFIX = "host ";

    private final Path file;
    private final MappedByteBuffer mapped;
    private final UnsafeBuffer metaData;
    private final UnsafeBuffer values;
    private final CountersReader reader;

    private RunCountersFile(final Path file, final MappedByteBuffer mapped, final int metaDataLength, final int valuesLength)
    {
        this.file = file;
        this.mapped = mapped;
        final UnsafeBuffer whole = new UnsafeBuffer(mapped);
        this.metaData = new UnsafeBuffer(whole, HEADER_LENGTH, metaDataLength);
        this.values = new UnsafeBuffer(whole, HEADER_LENGTH + metaDataLength, valuesLength);
        this.reader = new CountersReader(metaData, values, StandardCharsets.US_ASCII);
    }

    /** How many counters a plan needs: every replica's own and process counters, and its routes'. */
    public static int counterCount(final List<PlannedDevice> devices)
    {
        int perReplica = 0;
        int perRoute = 0;
        for (final CounterType type : CounterType.values())
        {
            if (type.scope() == CounterScope.ROUTE)
            {
                perRoute++;
            }
            else if (type.scope().perReplica())
            {
                perReplica++;
            }
        }
        int count = 0;
        for (final PlannedDevice device : devices)
        {
            count += device.replicas() * (perReplica + perRoute * device.routes().size());
        }
        return count;
    }

    /** Creates the file for these devices (the plan's, in plan order) and allocates all their counters. */
    public static RunCountersFile create(final Path file, final List<PlannedDevice> devices)
    {
        return create(file, devices, List.of());
    }

    /**
     * The same, with the {@link CounterScope#HOST host counters} of these hosts after the devices'
     * (the launching host's file of a multi-host run): the devices' counters get the same ids as in
     * any other file made for the plan.
     */
    public static RunCountersFile create(final Path file, final List<PlannedDevice> devices, final List<String> hosts)
    {
        int perHost = 0;
        for (final CounterType type : CounterType.values())
        {
            perHost += type.scope() == CounterScope.HOST ? 1 : 0;
        }
        final int count = Math.max(1, counterCount(devices) + perHost * hosts.size());
        final int valuesLength = count * CountersReader.COUNTER_LENGTH;
        final int metaDataLength = count * CountersReader.METADATA_LENGTH;
        final MappedByteBuffer mapped;
        try
        {
            mapped = IoUtil.mapNewFile(file.toFile(), HEADER_LENGTH + metaDataLength + (long)valuesLength, true);
        }
        catch (final RuntimeException ex)
        {
            throw new UncheckedIOException("cannot create the counters file " + file + ": " + ex.getMessage(),
                ex.getCause() instanceof IOException io ? io : new IOException(ex));
        }
        final RunCountersFile counters = new RunCountersFile(file, mapped, metaDataLength, valuesLength);
        counters.allocate(devices, hosts);
        final UnsafeBuffer header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
        header.putInt(MAGIC_OFFSET, MAGIC);
        header.putInt(VERSION_OFFSET, VERSION);
        header.putInt(METADATA_LENGTH_OFFSET, metaDataLength);
        header.putInt(VALUES_LENGTH_OFFSET, valuesLength);
        header.putIntRelease(READY_OFFSET, 1);
        return counters;
    }

    /** Maps an existing counters file (a device process, a tool). */
    public static RunCountersFile open(final Path file) throws IOException
    {
        if (!Files.isRegularFile(file) || Files.size(file) < HEADER_LENGTH)
        {
            throw new IOException("no counters file at " + file + " (has the run ended?)");
        }
        final File f = file.toFile();
        final MappedByteBuffer mapped = IoUtil.mapExistingFile(f, "run counters");
        final UnsafeBuffer header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
        if (header.getInt(MAGIC_OFFSET) != MAGIC || header.getIntAcquire(READY_OFFSET) != 1)
        {
            final int version = header.getInt(VERSION_OFFSET);
            IoUtil.unmap(mapped);
            throw new IOException(file + " is not a complete jdpl counters file (version " + version + ")");
        }
        return new RunCountersFile(file, mapped, header.getInt(METADATA_LENGTH_OFFSET), header.getInt(VALUES_LENGTH_OFFSET));
    }

    public Path file()
    {
        return file;
    }

    public CountersReader reader()
    {
        return reader;
    }

    /** The values, for writers ({@code new AtomicCounter(values(), id)}). */
    public AtomicBuffer values()
    {
        return values;
    }

    /** Bytes mapped: header, metadata and values. */
    public long sizeBytes()
    {
        return mapped.capacity();
    }

    @Override
    public void close()
    {
        IoUtil.unmap(mapped);
    }

    private void allocate(final List<PlannedDevice> devices, final List<String> hosts)
    {
        final CountersManager manager = new CountersManager(metaData, values, StandardCharsets.US_ASCII);
        final UnsafeBuffer key = new UnsafeBuffer(new byte[CounterKey.LENGTH]);
        final UnsafeBuffer label = new UnsafeBuffer(new byte[CountersReader.MAX_LABEL_LENGTH]);
        for (int d = 0; d < devices.size(); d++)
        {
            final PlannedDevice device = devices.get(d);
            for (int r = 0; r < device.replicas(); r++)
            {
                final String who = device.name() + "#" + r;
                for (final CounterType type : CounterType.values())
                {
                    if (!type.scope().perReplica())
                    {
                        continue;
                    }
                    final int id = allocate(manager, type, key, CounterKey.write(key, d, r, CounterKey.NO_ROUTE), label,
                        who + ": " + type.label());
                    if (type == CounterType.EXIT_CODE)
                    {
                        manager.setCounterValue(id, CounterType.NO_EXIT);
                    }
                }
                for (int route = 0; route < device.routes().size(); route++)
                {
                    final Route edge = device.routes().get(route);
                    final String prefix = who + " -> " + edge.consumer() + "." + edge.consumerLabel() + ": ";
                    allocate(manager, CounterType.ROUTE_MESSAGES_OUT, key, CounterKey.write(key, d, r, route), label,
                        prefix + CounterType.ROUTE_MESSAGES_OUT.label());
                    allocate(manager, CounterType.ROUTE_BYTES_OUT, key, CounterKey.write(key, d, r, route), label,
                        prefix + CounterType.ROUTE_BYTES_OUT.label());
                }
            }
        }
        for (int h = 0; h < hosts.size(); h++)
        {
            for (final CounterType type : CounterType.values())
            {
                if (type.scope() == CounterScope.HOST)
                {
                    allocate(manager, type, key, CounterKey.write(key, CounterKey.HOST_DEVICE, h, CounterKey.NO_ROUTE), label,
                        HOST_LABEL_PREFIX + hosts.get(h) + ": " + type.label());
                }
            }
        }
    }

    private static int allocate(
        final CountersManager manager, final CounterType type, final UnsafeBuffer key, final int keyLength,
        final UnsafeBuffer label, final String text)
    {
        final int labelLength = label.putStringWithoutLengthAscii(0, text, 0, CountersReader.MAX_LABEL_LENGTH);
        return manager.allocate(type.id(), key, 0, keyLength, label, 0, labelLength);
    }
}
