package org.jdpl.framework.hostcounters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;

/**
 * The Aeron UDP channels between the launching host and its host agents. Counters: the launching
 * host subscribes on every interface at a port the kernel picks, and tells each agent where to send
 * (its address as seen from that agent's host, and the port) on the agent's command line. Commands:
 * the launching host publishes with multi-destination-cast from a control port the kernel picks;
 * each agent joins it from a port of its own, told only the launching host's address and that port.
 */
public final class HostCountersChannel
{
    /** The launcher's media driver carries nothing else, so any id would do. */
    public static final int STREAM_ID = 0x4A44_4843; // "JDHC"
    public static final int COMMAND_STREAM_ID = 0x4A44_4843 + 1;
    /** The command publication's control port is the kernel's choice too, read back once bound. */
    static final String COMMAND_PUBLICATION = "aeron:udp?control=0.0.0.0:0|control-mode=dynamic|term-length=64k";
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

    /** An agent's channel for the commands of the launching host at {@code endpoint}, received at {@code localAddress}. */
    static String commandSubscription(final String localAddress, final String endpoint)
    {
        return "aeron:udp?endpoint=" + localAddress + ":0|control=" + endpoint + "|control-mode=dynamic";
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
