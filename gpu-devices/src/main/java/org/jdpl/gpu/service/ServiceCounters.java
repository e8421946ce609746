package org.jdpl.gpu.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * A service's counters, added to by its instances and written into its registration once a second
 * (what {@code dpl status} shows): requests answered and failed, queue and compute time, batches,
 * the GPU's transfer time and the pools' high water.
 */
final class ServiceCounters
{
    final AtomicLong requests = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    final AtomicLong queueNs = new AtomicLong();
    final AtomicLong computeNs = new AtomicLong();
    final AtomicLong batches = new AtomicLong();
    final LongAccumulator largestBatch = new LongAccumulator(Math::max, 0);
    final AtomicLong malformed = new AtomicLong();
    final AtomicLong replyDrops = new AtomicLong();
    /** Per instance, its GPU session's latest totals. */
    final AtomicLong[] transferNs;
    final AtomicLong[] kernelNs;
    final AtomicLong[] poolHighWaterBytes;

    ServiceCounters(final int instances)
    {
        transferNs = fresh(instances);
        kernelNs = fresh(instances);
        poolHighWaterBytes = fresh(instances);
    }

    private static AtomicLong[] fresh(final int n)
    {
        final AtomicLong[] a = new AtomicLong[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = new AtomicLong();
        }
        return a;
    }

    Map<String, Object> snapshot(final long upNs)
    {
        // Batches first: an instance counts its batch before its requests, so the mean is never above the truth by a batch.
        final long b = batches.get();
        final long answered = requests.get();
        long transfer = 0;
        long kernel = 0;
        long highWater = 0;
        for (int i = 0; i < transferNs.length; i++)
        {
            transfer += transferNs[i].get();
            kernel += kernelNs[i].get();
            highWater = Math.max(highWater, poolHighWaterBytes[i].get());
        }
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", answered);
        m.put("failures", failures.get());
        m.put("malformed", malformed.get());
        m.put("replyDrops", replyDrops.get());
        m.put("queueMs", queueNs.get() / 1e6);
        m.put("computeMs", computeNs.get() / 1e6);
        m.put("transferMs", transfer / 1e6);
        m.put("kernelMs", kernel / 1e6);
        m.put("batches", b);
        m.put("batchMean", b == 0 ? 0.0 : (double)(answered + failures.get()) / b);
        m.put("largestBatch", largestBatch.get());
        // Busy: the instances' GPU time over the time the service has been up, per instance.
        m.put("gpuBusy", upNs <= 0 ? 0.0 : Math.min(1.0, (double)(kernel + transfer) / ((double)upNs * transferNs.length)));
        m.put("poolHighWaterBytes", highWater);
        m.put("updatedMs", System.currentTimeMillis());
        return m;
    }
}
