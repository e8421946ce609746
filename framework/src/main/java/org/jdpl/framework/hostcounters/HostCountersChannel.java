package org.jdpl.framework.hostcounters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;

/**
 * The Aeron UDP channel the host agents send their counters on: the launching host subscribes on
 * every interface at a port the kernel picks, and tells each agent where to send (its address as
 * seen from that agent's host, and the port) on the agent's command line.
 */
public final class HostCountersChannel
{
    /** The launcher's media driver carries nothing else, so any id would do. */
    public static final int STREAM_ID = 0x4A44_4843; // "JDHC"
    /** Subscribes on every interface; port 0: the kernel picks one, read back once bound. */
    static final String SUBSCRIPTION = "aeron:udp?endpoint=0.0.0.0:0";
    /** A few replicas' values a few times a second: the smallest term Aeron allows is plenty. */
    private static final String PUBLICATION_PARAMETERS = "|term-length=64k";

    private HostCountersChannel()
    {
    }

    /** The channel an agent publishes on, for an endpoint written {@code address:port}. */
    static String publication(final String endpoint)
    {
        return "aeron:udp?endpoint=" + endpoint + PUBLICATION_PARAMETERS;
    }

    /**
     * This host's address as {@code remoteAddress} reaches it: the source address the kernel routes
     * from (connecting a datagram socket sends nothing).
     */
    public static String localAddressToward(final String remoteAddress)
    {
        try (DatagramSocket socket = new DatagramSocket())
        {
            socket.connect(InetAddress.getByName(remoteAddress), 9);
            final InetAddress local = socket.getLocalAddress();
            return local.isAnyLocalAddress() ? InetAddress.getLoopbackAddress().getHostAddress() : local.getHostAddress();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot find this host's address toward " + remoteAddress + ": " + ex.getMessage(), ex);
        }
    }
}
