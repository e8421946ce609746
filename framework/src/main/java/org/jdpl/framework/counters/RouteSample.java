package org.jdpl.framework.counters;

/**
 * One route (graph edge) of a producer replica as read at one moment.
 *
 * @param routeIndex index in the producer's plan routes
 * @param consumer   {@code consumer.inputLabel} it feeds
 * @param messages   messages sent on it so far
 * @param bytes      payload bytes sent on it so far
 */
public record RouteSample(int routeIndex, String consumer, long messages, long bytes)
{
}
