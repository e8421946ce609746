package org.jdpl.framework.runner;

import org.agrona.DirectBuffer;
import org.jdpl.framework.channel.Outlet;

/**
 * The consumer replicas of one output that run on other hosts: they get the payload bytes (in
 * parts when large, {@link RemoteSender}), never a segment reference, and each outlet once per
 * message, since a fan-out outlet stands for the consumers of several routes.
 */
final class RemoteTargets
{
    /** Per route, per consumer replica, whether it runs on another host. */
    private final boolean[][] remote;
    private final RemoteSender sender = new RemoteSender();
    /** The outlets the current message went to. */
    private final Outlet[] sent;
    private int sentCount;

    private RemoteTargets(final boolean[][] remote)
    {
        this.remote = remote;
        this.sent = new Outlet[remote.length];
    }

    /** The remote targets, as per route, per replica flags; null when none is remote. */
    static RemoteTargets of(final boolean[][] remote)
    {
        for (final boolean[] replicas : remote)
        {
            for (final boolean r : replicas)
            {
                if (r)
                {
                    return new RemoteTargets(remote);
                }
            }
        }
        return null;
    }

    boolean isRemote(final int route, final int replica)
    {
        return remote[route][replica];
    }

    /** A new message: no outlet has it yet. */
    void begin()
    {
        sentCount = 0;
    }

    /** Sends the payload at {@code address} to {@code outlet}, unless the current message already went to it. */
    void sendOnce(final Outlet outlet, final DirectBuffer headerBlock, final long address, final long sizeBytes, final long timeslice,
        final long creationEpochMs, final Offerer offerer)
    {
        for (int i = 0; i < sentCount; i++)
        {
            if (sent[i] == outlet)
            {
                return;
            }
        }
        sent[sentCount++] = outlet;
        sender.send(outlet, headerBlock, address, sizeBytes, timeslice, creationEpochMs, offerer);
    }

    /** Parts sent for payloads larger than one message. */
    long partsSent()
    {
        return sender.chunksSent();
    }
}
