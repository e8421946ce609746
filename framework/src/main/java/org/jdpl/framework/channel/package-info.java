/**
 * The channels of a device replica, built from the plan: the Aeron IPC streams on one host, Aeron
 * UDP to consumers on other hosts ({@code UdpChannels}, sized from {@code net { }}), the fan-out
 * streams several consumers on other hosts share ({@code FanOutStreams}), and the in-process rings
 * of a process group; each consumer stream is one {@link org.jdpl.framework.channel.Outlet} to the
 * runner, which sends on outlets and knows no channel URI. {@link org.jdpl.framework.channel.DeviceChannels}
 * opens them all for one replica. The bytes themselves move in {@code shm-transport}.
 */
package org.jdpl.framework.channel;
