package org.jdpl.gpu.service;

/** One request as the service holds it from receipt to reply (a plain holder; see {@link ServiceProtocol}). */
final class Request
{
    static final int MAX_INPUTS = 8;

    int replyStream;
    long requestId;
    long timeslice;
    long sentNs;
    String exchangeFile;
    long replyOffset;
    long replyCapacity;
    int inputCount;
    final String[] inputFiles = new String[MAX_INPUTS];
    final long[] inputOffsets = new long[MAX_INPUTS];
    final long[] inputLengths = new long[MAX_INPUTS];
    /** When the receiver queued it, for the queue time. */
    long queuedNs;
}
