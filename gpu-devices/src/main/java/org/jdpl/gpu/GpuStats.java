package org.jdpl.gpu;

/**
 * Running totals of one {@link GpuContext}, for a device's counters and the summary. Written by the
 * context's one owning thread; readers on other threads see plain (possibly slightly stale) values.
 */
public final class GpuStats
{
    private long kernelLaunches;
    private long kernelNs;
    private long bytesToDevice;
    private long bytesFromDevice;
    private long transferNs;

    public void onKernel(final long elapsedNs)
    {
        kernelLaunches++;
        kernelNs += elapsedNs;
    }

    public void onCopyToDevice(final long bytes, final long elapsedNs)
    {
        bytesToDevice += bytes;
        transferNs += elapsedNs;
    }

    public void onCopyFromDevice(final long bytes, final long elapsedNs)
    {
        bytesFromDevice += bytes;
        transferNs += elapsedNs;
    }

    public long kernelLaunches()
    {
        return kernelLaunches;
    }

    /** Kernel execution time: device-side (event) time on GPU backends, wall time on the CPU backend. */
    public long kernelNs()
    {
        return kernelNs;
    }

    public long bytesToDevice()
    {
        return bytesToDevice;
    }

    public long bytesFromDevice()
    {
        return bytesFromDevice;
    }

    /** Host-measured time of blocking copies in either direction. */
    public long transferNs()
    {
        return transferNs;
    }

    @Override
    public String toString()
    {
        return String.format("%d kernels %.3f ms, %d B to device, %d B from device, transfers %.3f ms",
            kernelLaunches, kernelNs / 1e6, bytesToDevice, bytesFromDevice, transferNs / 1e6);
    }
}
