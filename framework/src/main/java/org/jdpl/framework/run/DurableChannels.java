package org.jdpl.framework.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.Route;

/**
 * Where the durable channels of a run live: one Chronicle queue per producer replica, output
 * and consumer replica (so every queue has one writer), in {@link RunLayout#queuesDir}, with each
 * consumer's acknowledgement file beside its queue.
 */
public final class DurableChannels
{
    private DurableChannels()
    {
    }

    /** The queue from {@code producer}'s replica {@code producerReplica}, output {@code label}, to {@code consumer}'s replica. */
    public static Path queueDir(
        final Path runDir,
        final String producer,
        final int producerReplica,
        final String label,
        final String consumer,
        final int consumerReplica)
    {
        return RunLayout.queuesDir(runDir).resolve(producer + "." + producerReplica + "." + label + ".to." + consumer + "." + consumerReplica);
    }

    /** The consumer's acknowledgement file of a queue. */
    public static Path ackFile(final Path queueDir)
    {
        return queueDir.resolveSibling(queueDir.getFileName() + ".ack");
    }

    /**
     * One durable queue into a consumer replica.
     *
     * @param countsEndOfStream whether this queue's end of stream is the one its producer replica's
     *                          counts for: a producer replica sends one end of stream on every
     *                          stream and queue, and the consumer must count one per producer replica
     */
    public record Inbound(Path queueDir, boolean countsEndOfStream)
    {
    }

    /** The durable queues a consumer replica reads: one per producer replica and output that reaches it durably. */
    public static List<Inbound> queuesInto(final Plan plan, final Path runDir, final String consumer, final int consumerReplica)
    {
        final List<Inbound> queues = new ArrayList<>();
        for (final PlannedDevice producer : plan.devices())
        {
            final List<String> labels = new ArrayList<>();
            boolean alsoOverSharedMemory = false;
            for (final Route route : producer.routes())
            {
                if (!route.consumer().equals(consumer))
                {
                    continue;
                }
                if (!route.durable())
                {
                    alsoOverSharedMemory = true;
                }
                else if (!labels.contains(route.outputLabel()))
                {
                    labels.add(route.outputLabel());
                }
            }
            for (int i = 0; i < labels.size(); i++)
            {
                for (int r = 0; r < producer.replicas(); r++)
                {
                    queues.add(new Inbound(queueDir(runDir, producer.name(), r, labels.get(i), consumer, consumerReplica),
                        !alsoOverSharedMemory && i == 0));
                }
            }
        }
        return queues;
    }
}
