package org.jdpl.framework.channel;

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

    /**
     * A consumer's channel for its stream {@code streamId}, at the stream's port on its host's
     * {@code address} (on every interface with {@code net.listen = any}).
     */
    static String subscription(final NetSettings net, final String address, final int streamId)
    {
        return receiving(new StringBuilder("aeron:udp?endpoint=").append(net.listenOnAll() ? "0.0.0.0" : address).append(':')
            .append(net.portOf(streamId)), net);
    }

    /**
     * A producer's fan-out stream {@code streamId} from the host at {@code address} to its members.
     * {@code fc=min}: at the pace of the slowest member; without a group size, so that a
     * member that stops sending status messages (it died) is dropped after the flow control's
     * receiver timeout and the others go on ({@link FanOutMembers} waits for all members at start).
     */
    static String fanOutPublication(final NetSettings net, final String address, final int streamId)
    {
        final String flowControl = "|fc=min";
        return switch (net.fanOut())
        {
            case MDC -> "aeron:udp?control=" + address + ":" + net.portOf(streamId) + "|control-mode=dynamic" + flowControl +
                net.channelParameters();
            case MULTICAST -> "aeron:udp?endpoint=" + net.multicastGroup() + ":" + net.portOf(streamId) + "|interface=" + address +
                flowControl + net.channelParameters();
            case UNICAST -> throw new IllegalArgumentException("a unicast plan has no fan-out streams");
        };
    }

    /**
     * A member's channel for the fan-out stream {@code streamId} of a producer on the host at
     * {@code producerAddress}, received on {@code address}. Under multi-destination-cast the member
     * takes any free port: the producer learns it from the member's status messages to its control port.
     */
    static String fanOutSubscription(final NetSettings net, final String address, final String producerAddress, final int streamId)
    {
        return switch (net.fanOut())
        {
            case MDC -> receiving(new StringBuilder("aeron:udp?endpoint=").append(address).append(":0|control=")
                .append(producerAddress).append(':').append(net.portOf(streamId)).append("|control-mode=dynamic"), net);
            case MULTICAST -> receiving(new StringBuilder("aeron:udp?endpoint=").append(net.multicastGroup()).append(':')
                .append(net.portOf(streamId)).append("|interface=").append(address), net);
            case UNICAST -> throw new IllegalArgumentException("a unicast plan has no fan-out streams");
        };
    }

    private static String receiving(final StringBuilder uri, final NetSettings net)
    {
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
