package org.jdpl.gpu.service;

import java.lang.foreign.MemorySegment;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.ManyToManyConcurrentArrayQueue;
import org.jdpl.gpu.BackendSelector;
import org.jdpl.gpu.GpuStats;
import org.jdpl.gpu.session.GpuSession;
import org.jdpl.gpu.session.GpuSettings;

/**
 * One execution context of the service's step: its own GPU session (context and memory pool) and its
 * own step, opened on its own thread. It takes up to {@code max-batch} queued requests together,
 * waiting at most {@code max-queue-delay} after the oldest for the batch to fill, runs them one after
 * another on its context and answers each.
 */
final class ServiceInstance implements Agent
{
    private final int id;
    private final ServiceConfig config;
    private final ManyToManyConcurrentArrayQueue<Request> queue;
    private final MappedFiles files;
    private final ReplySender replies;
    private final ServiceCounters counters;
    private final Request[] batch;
    private final MemorySegment[] inputs = new MemorySegment[Request.MAX_INPUTS];
    private final CompletableFuture<String> opened = new CompletableFuture<>();
    private GpuSession session;
    private StepKernel kernel;
    private int batchSize;

    ServiceInstance(final int id, final ServiceConfig config, final ManyToManyConcurrentArrayQueue<Request> queue, final MappedFiles files,
        final ReplySender replies, final ServiceCounters counters)
    {
        this.id = id;
        this.config = config;
        this.queue = queue;
        this.files = files;
        this.replies = replies;
        this.counters = counters;
        this.batch = new Request[config.maxBatch()];
    }

    /** Completes with the session's description once open, or exceptionally with why it could not open. */
    CompletableFuture<String> opened()
    {
        return opened;
    }

    @Override
    public void onStart()
    {
        try
        {
            // One instance at a time: OpenCL discovery from two threads at once crashed PoCL's ICD loader (SIGSEGV in clGetDeviceInfo).
            synchronized (ServiceInstance.class)
            {
                session = GpuSession.open(new GpuSettings(config.backend(), config.gpuIndex(), config.memoryBytes(), true),
                    BackendSelector.fromClassPath(), Map.of());
                kernel = StepKernel.open(config.step(), session, new StepOptions(config.stepOptions()));
            }
            opened.complete(session.describe());
        }
        catch (final RuntimeException e)
        {
            // Said once, by the service's start (one line); the instance then idles until the service closes it.
            opened.completeExceptionally(e);
        }
    }

    @Override
    public int doWork()
    {
        if (kernel == null)
        {
            return 0;
        }
        if (batchSize == 0)
        {
            final Request first = queue.poll();
            if (first == null)
            {
                return 0;
            }
            batch[batchSize++] = first;
        }
        while (batchSize < batch.length)
        {
            final Request next = queue.poll();
            if (next == null)
            {
                break;
            }
            batch[batchSize++] = next;
        }
        if (batchSize < batch.length && System.nanoTime() - batch[0].queuedNs < config.maxQueueDelayNs())
        {
            return 0;
        }
        final int n = batchSize;
        counters.batches.incrementAndGet();
        counters.largestBatch.accumulate(n);
        for (int i = 0; i < n; i++)
        {
            serve(batch[i], n);
            batch[i] = null;
        }
        batchSize = 0;
        final GpuStats stats = session.context().stats();
        counters.transferNs[id].set(stats.transferNs());
        counters.kernelNs[id].set(stats.kernelNs());
        counters.poolHighWaterBytes[id].set(session.pool().highWaterBytes());
        return n;
    }

    private void serve(final Request r, final int batchOf)
    {
        final long startNs = System.nanoTime();
        final long queueNs = startNs - r.queuedNs;
        long length = 0;
        String error = null;
        try
        {
            for (int k = 0; k < r.inputCount; k++)
            {
                inputs[k] = files.readOnly(r.inputFiles[k]).asSlice(r.inputOffsets[k], r.inputLengths[k]);
            }
            length = kernel.run(r.timeslice, inputs, files.writable(r.exchangeFile).asSlice(r.replyOffset, r.replyCapacity));
        }
        catch (final RuntimeException e)
        {
            error = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        final long computeNs = System.nanoTime() - startNs;
        counters.queueNs.addAndGet(queueNs);
        counters.computeNs.addAndGet(computeNs);
        (error == null ? counters.requests : counters.failures).incrementAndGet();
        replies.send(r.replyStream, error == null ? ServiceProtocol.OK : ServiceProtocol.FAILED, r.requestId, length, queueNs, computeNs,
            batchOf, error);
    }

    @Override
    public void onClose()
    {
        try
        {
            if (kernel != null)
            {
                kernel.close();
            }
        }
        finally
        {
            if (session != null)
            {
                session.close();
            }
        }
    }

    @Override
    public String roleName()
    {
        return "service-instance-" + id;
    }
}
