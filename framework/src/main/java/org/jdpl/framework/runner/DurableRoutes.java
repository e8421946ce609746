package org.jdpl.framework.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.agrona.CloseHelper;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.Route;
import org.jdpl.framework.run.DurableChannels;
import org.jdpl.transport.durable.DurableWriter;

/**
 * The durable routes of one output: per consumer, a queue writer for each of its replicas.
 * Timeslice t goes to replica {@code t mod replicas}, as on shared memory. Whole messages are
 * appended: the header block as on the wire (payload inline), then the payload bytes.
 */
final class DurableRoutes implements AutoCloseable
{
    private final DurableWriter[][] writers;

    private DurableRoutes(final DurableWriter[][] writers)
    {
        this.writers = writers;
    }

    /** The writers of {@code label}'s durable routes from this replica; null when it has none. */
    static DurableRoutes open(final Path runDir, final PlannedDevice device, final int replica, final String label)
    {
        final List<DurableWriter[]> routes = new ArrayList<>();
        final List<String> consumers = new ArrayList<>();
        try
        {
            for (final Route route : device.routes())
            {
                if (!route.durable() || !route.outputLabel().equals(label) || consumers.contains(route.consumer()))
                {
                    continue;
                }
                consumers.add(route.consumer());
                final DurableWriter[] replicas = new DurableWriter[route.consumerReplicas()];
                routes.add(replicas);
                for (int r = 0; r < replicas.length; r++)
                {
                    replicas[r] = DurableWriter.open(
                        DurableChannels.queueDir(runDir, device.name(), replica, label, route.consumer(), r));
                }
            }
        }
        catch (final RuntimeException ex)
        {
            for (final DurableWriter[] replicas : routes)
            {
                CloseHelper.quietCloseAll(replicas);
            }
            throw ex;
        }
        return routes.isEmpty() ? null : new DurableRoutes(routes.toArray(new DurableWriter[0][]));
    }

    /** Appends one message of {@code timeslice} to the queue of the consumer replica that gets it, on every route. */
    void append(final long timeslice, final long headerAddress, final int headerLength, final long payloadAddress, final long payloadLength)
    {
        for (final DurableWriter[] replicas : writers)
        {
            replicas[(int)Long.remainderUnsigned(timeslice, replicas.length)]
                .append(headerAddress, headerLength, payloadAddress, payloadLength);
        }
    }

    /** Appends the end of stream to every queue. */
    void appendEndOfStream(final long address, final int length)
    {
        for (final DurableWriter[] replicas : writers)
        {
            for (final DurableWriter writer : replicas)
            {
                writer.append(address, length, 0, 0);
            }
        }
    }

    @Override
    public void close()
    {
        for (final DurableWriter[] replicas : writers)
        {
            CloseHelper.closeAll(replicas);
        }
    }
}
