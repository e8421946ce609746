package org.jdpl.gpu.service;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The messages between a client device and a service, over Aeron IPC on the service's media driver.
 * Payloads never travel in them: a request names where each input lies (a file in /dev/shm, an
 * offset and a length) and where the reply goes (the client's exchange file, an offset, a capacity);
 * the reply says how many bytes the service wrote there.
 * <pre>
 * request: int type=1, int replyStream, long requestId, long timeslice, long sentNs,
 *          string exchangeFile, long replyOffset, long replyCapacity, int inputs, {string file, long offset, long length}*
 * reply:   int type=2, int status (0 ok), long requestId, long length, long queueNs, long computeNs, int batchSize, string error
 * </pre>
 */
final class ServiceProtocol
{
    /** The stream clients send requests on. */
    static final int REQUEST_STREAM = 1001;
    static final String CHANNEL = "aeron:ipc";
    static final int REQUEST = 1;
    static final int REPLY = 2;
    static final int OK = 0;
    static final int FAILED = 1;

    private ServiceProtocol()
    {
    }

    /** Encodes {@code r} at 0; returns the length. */
    static int encodeRequest(final MutableDirectBuffer b, final Request r)
    {
        int i = 0;
        b.putInt(i, REQUEST);
        b.putInt(i + 4, r.replyStream);
        b.putLong(i + 8, r.requestId);
        b.putLong(i + 16, r.timeslice);
        b.putLong(i + 24, r.sentNs);
        i += 32;
        i += b.putStringAscii(i, r.exchangeFile);
        b.putLong(i, r.replyOffset);
        b.putLong(i + 8, r.replyCapacity);
        b.putInt(i + 16, r.inputCount);
        i += 20;
        for (int k = 0; k < r.inputCount; k++)
        {
            i += b.putStringAscii(i, r.inputFiles[k]);
            b.putLong(i, r.inputOffsets[k]);
            b.putLong(i + 8, r.inputLengths[k]);
            i += 16;
        }
        return i;
    }

    /** Decodes a request at {@code offset} into {@code r}; false when it is not one. */
    static boolean decodeRequest(final DirectBuffer b, final int offset, final Request r)
    {
        if (b.getInt(offset) != REQUEST)
        {
            return false;
        }
        int i = offset;
        r.replyStream = b.getInt(i + 4);
        r.requestId = b.getLong(i + 8);
        r.timeslice = b.getLong(i + 16);
        r.sentNs = b.getLong(i + 24);
        i += 32;
        r.exchangeFile = b.getStringAscii(i);
        i += 4 + r.exchangeFile.length();
        r.replyOffset = b.getLong(i);
        r.replyCapacity = b.getLong(i + 8);
        r.inputCount = b.getInt(i + 16);
        i += 20;
        if (r.inputCount < 0 || r.inputCount > Request.MAX_INPUTS)
        {
            return false;
        }
        for (int k = 0; k < r.inputCount; k++)
        {
            r.inputFiles[k] = b.getStringAscii(i);
            i += 4 + r.inputFiles[k].length();
            r.inputOffsets[k] = b.getLong(i);
            r.inputLengths[k] = b.getLong(i + 8);
            i += 16;
        }
        return true;
    }

    static int encodeReply(final MutableDirectBuffer b, final int status, final long requestId, final long length, final long queueNs,
        final long computeNs, final int batchSize, final String error)
    {
        b.putInt(0, REPLY);
        b.putInt(4, status);
        b.putLong(8, requestId);
        b.putLong(16, length);
        b.putLong(24, queueNs);
        b.putLong(32, computeNs);
        b.putInt(40, batchSize);
        return 44 + b.putStringAscii(44, error == null ? "" : error);
    }

    static boolean isReply(final DirectBuffer b, final int offset)
    {
        return b.getInt(offset) == REPLY;
    }

    static int replyStatus(final DirectBuffer b, final int offset)
    {
        return b.getInt(offset + 4);
    }

    static long replyRequestId(final DirectBuffer b, final int offset)
    {
        return b.getLong(offset + 8);
    }

    static long replyLength(final DirectBuffer b, final int offset)
    {
        return b.getLong(offset + 16);
    }

    static long replyQueueNs(final DirectBuffer b, final int offset)
    {
        return b.getLong(offset + 24);
    }

    static long replyComputeNs(final DirectBuffer b, final int offset)
    {
        return b.getLong(offset + 32);
    }

    static int replyBatch(final DirectBuffer b, final int offset)
    {
        return b.getInt(offset + 40);
    }

    static String replyError(final DirectBuffer b, final int offset)
    {
        return b.getStringAscii(offset + 44);
    }
}
