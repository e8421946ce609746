package org.jdpl.framework.plan;

/**
 * How one producer replica reaches several consumers on other hosts that all take every message it
 * sends ({@code net.fan-out}): one stream whose flow control lets the slowest of them set the pace,
 * or one unicast stream per consumer.
 */
public enum FanOut
{
    /** Multi-destination-cast: one publication, dynamic destinations; only its control address must be known. */
    MDC,
    /** IP multicast to {@code net.multicast-group}: one send per message, for networks that route multicast. */
    MULTICAST,
    /** A unicast stream per consumer: the message is sent once per consumer. */
    UNICAST
}
