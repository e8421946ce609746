package org.jdpl.tools.view;

/**
 * One edge of the graph (a producer's route, all its replicas together).
 *
 * @param from        producer device
 * @param to          {@code consumer.inputLabel}
 * @param messages    messages sent on it so far
 * @param perSecond   messages per second over the last interval
 * @param mbPerSecond payload MB (10^6 bytes) per second over the last interval
 */
public record EdgeRow(String from, String to, long messages, double perSecond, double mbPerSecond)
{
}
