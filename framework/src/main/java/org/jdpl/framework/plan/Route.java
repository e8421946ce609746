package org.jdpl.framework.plan;

import org.jdpl.framework.spec.DataSpec;

/**
 * One edge of the physical graph, seen from the producer: messages on {@code outputLabel} (spec
 * {@code spec}) go to {@code consumer}'s input {@code consumerLabel}. Timeslice t goes to replica
 * {@code t mod consumerReplicas}, which listens on stream {@code consumerFirstStreamId + replica}.
 * A durable route ({@code channels { "ORIG/DESC" = chronicle }}) goes through a Chronicle queue in
 * the run directory instead, which the consumer tails and acknowledges. A route to a
 * {@code condition} input goes to every consumer replica, since each holds the latest condition.
 */
public record Route(
    String outputLabel,
    DataSpec spec,
    String consumer,
    String consumerLabel,
    int consumerReplicas,
    int consumerFirstStreamId,
    boolean durable,
    boolean condition)
{
    /** A route of timeframe data (not to a condition input). */
    public Route(
        final String outputLabel,
        final DataSpec spec,
        final String consumer,
        final String consumerLabel,
        final int consumerReplicas,
        final int consumerFirstStreamId,
        final boolean durable)
    {
        this(outputLabel, spec, consumer, consumerLabel, consumerReplicas, consumerFirstStreamId, durable, false);
    }

    /** A route over shared memory (not durable). */
    public Route(
        final String outputLabel,
        final DataSpec spec,
        final String consumer,
        final String consumerLabel,
        final int consumerReplicas,
        final int consumerFirstStreamId)
    {
        this(outputLabel, spec, consumer, consumerLabel, consumerReplicas, consumerFirstStreamId, false);
    }

    /** The stream id of the replica that receives timeslice {@code timeslice}. */
    public int streamIdFor(final long timeslice)
    {
        return consumerFirstStreamId + (int)Long.remainderUnsigned(timeslice, consumerReplicas);
    }
}
