package org.jdpl.framework.channel;

import org.jdpl.transport.inprocess.InProcessRing;

/** The in-process rings of a process group, by the consumer replica each feeds: what {@link DeviceChannels} sends on instead of a stream. */
public interface InProcessRings
{
    /** The ring into {@code consumer}'s replica {@code consumerReplica}, or null when it is not in this process. */
    InProcessRing ringInto(String consumer, int consumerReplica);
}
