package org.jdpl.framework.plan;

/**
 * How cross-host channels are sized ({@code net { }} in a topology). Socket buffers and the receive
 * window should hold one bandwidth-delay product (bandwidth x round-trip time): 10 Gbit/s at 100 us
 * is 125 KB; 0 leaves Aeron's (or the operating system's) default.
 *
 * @param mtuBytes            UDP frame payload, a multiple of 32 up to 65504 (8K with jumbo frames)
 * @param socketBufferBytes   SO_SNDBUF and SO_RCVBUF of every cross-host channel; 0 for the default
 * @param receiverWindowBytes the receiver's flow-control window; 0 for the default (half a term)
 * @param termLengthBytes     term length of cross-host streams: a power of two; a message may be 1/8 of it
 * @param basePort            stream {@code s} of a consumer replica listens on UDP port {@code basePort + s}; 0 (no
 *                            {@code net.base-port}): the launcher chooses one per run ({@link #PER_RUN_BASE_PORT})
 * @param fanOut              how a producer reaches several consumers on other hosts that take every message
 * @param multicastGroup      the IPv4 multicast group of {@link FanOut#MULTICAST} streams (each on its own port)
 * @param listenOnAll         consumers listen on every interface ({@code net.listen = any}), not only on their
 *                            host's address in the plan
 * @param silentAfterMs       {@code net.silent-after}: a host agent whose counters have not reached the launching host
 *                            for this long is killed there and its host counted as lost; 0 = never
 */
public record NetSettings(int mtuBytes, long socketBufferBytes, long receiverWindowBytes, int termLengthBytes, int basePort,
    FanOut fanOut, String multicastGroup, boolean listenOnAll, long silentAfterMs)
{
    /** {@code basePort} of a plan whose launcher chooses the ports per run, so that two runs on the same hosts do not collide. */
    public static final int PER_RUN_BASE_PORT = 0;
    public static final int DEFAULT_MTU_BYTES = 1408;
    public static final int DEFAULT_TERM_LENGTH_BYTES = 16 * 1024 * 1024;
    public static final int DEFAULT_BASE_PORT = 30_000;
    /** Organisation-local scope (RFC 2365): not routed off a site unless its network is set up to. */
    public static final String DEFAULT_MULTICAST_GROUP = "239.255.77.1";
    public static final NetSettings DEFAULTS = new NetSettings(DEFAULT_MTU_BYTES, 0, 0, DEFAULT_TERM_LENGTH_BYTES, PER_RUN_BASE_PORT);

    public NetSettings
    {
        fanOut = fanOut == null ? FanOut.MDC : fanOut;
        multicastGroup = multicastGroup == null ? DEFAULT_MULTICAST_GROUP : multicastGroup;
    }

    /** No silence timeout. */
    public NetSettings(final int mtuBytes, final long socketBufferBytes, final long receiverWindowBytes, final int termLengthBytes,
        final int basePort, final FanOut fanOut, final String multicastGroup, final boolean listenOnAll)
    {
        this(mtuBytes, socketBufferBytes, receiverWindowBytes, termLengthBytes, basePort, fanOut, multicastGroup, listenOnAll, 0);
    }

    /** Consumers listening on their host's address only. */
    public NetSettings(final int mtuBytes, final long socketBufferBytes, final long receiverWindowBytes, final int termLengthBytes,
        final int basePort, final FanOut fanOut, final String multicastGroup)
    {
        this(mtuBytes, socketBufferBytes, receiverWindowBytes, termLengthBytes, basePort, fanOut, multicastGroup, false);
    }

    /** Sized channels with the default fan-out (multi-destination-cast). */
    public NetSettings(final int mtuBytes, final long socketBufferBytes, final long receiverWindowBytes, final int termLengthBytes,
        final int basePort)
    {
        this(mtuBytes, socketBufferBytes, receiverWindowBytes, termLengthBytes, basePort, FanOut.MDC, DEFAULT_MULTICAST_GROUP);
    }

    /** Another fan-out. */
    public NetSettings withFanOut(final FanOut mode)
    {
        return new NetSettings(mtuBytes, socketBufferBytes, receiverWindowBytes, termLengthBytes, basePort, mode, multicastGroup,
            listenOnAll, silentAfterMs);
    }

    /** Another base port (a launcher's choice for one run). */
    public NetSettings withBasePort(final int port)
    {
        return new NetSettings(mtuBytes, socketBufferBytes, receiverWindowBytes, termLengthBytes, port, fanOut, multicastGroup,
            listenOnAll, silentAfterMs);
    }

    /**
     * The UDP port on which the consumer stream {@code streamId} listens. A plan no launcher chose
     * ports for ({@link #PER_RUN_BASE_PORT}: run by one Driver, a benchmark) uses {@link #DEFAULT_BASE_PORT}.
     */
    public int portOf(final int streamId)
    {
        return (basePort == PER_RUN_BASE_PORT ? DEFAULT_BASE_PORT : basePort) + streamId;
    }

    /** The Aeron URI parameters these settings add to a UDP channel ({@code |mtu=8192|term-length=...}). */
    public String channelParameters()
    {
        final StringBuilder out = new StringBuilder();
        out.append("|mtu=").append(mtuBytes).append("|term-length=").append(termLengthBytes);
        if (socketBufferBytes > 0)
        {
            out.append("|so-sndbuf=").append(socketBufferBytes).append("|so-rcvbuf=").append(socketBufferBytes);
        }
        if (receiverWindowBytes > 0)
        {
            out.append("|rcv-wnd=").append(receiverWindowBytes);
        }
        return out.toString();
    }
}
