package org.jdpl.framework.runner;

import org.jdpl.framework.plan.NetSettings;

/** The Aeron UDP channel URIs of cross-host streams, sized from the plan's {@code net { }}. */
final class UdpChannels
{
    private UdpChannels()
    {
    }

    /** A producer's channel to the consumer stream {@code streamId} on the host at {@code address}. */
    static String publication(final NetSettings net, final String address, final int streamId)
    {
        return "aeron:udp?endpoint=" + address + ":" + net.portOf(streamId) + net.channelParameters();
    }

    /** A consumer's channel for its stream {@code streamId}: every interface, the stream's port. */
    static String subscription(final NetSettings net, final int streamId)
    {
        final StringBuilder uri = new StringBuilder("aeron:udp?endpoint=0.0.0.0:").append(net.portOf(streamId));
        if (net.socketBufferBytes() > 0)
        {
            uri.append("|so-rcvbuf=").append(net.socketBufferBytes());
        }
        if (net.receiverWindowBytes() > 0)
        {
            uri.append("|rcv-wnd=").append(net.receiverWindowBytes());
        }
        return uri.toString();
    }
}
