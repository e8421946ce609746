package org.jdpl.framework.driver;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What this machine can give a run, read once before it starts: free space where the payload
 * segment goes, memory available to new processes ({@code MemAvailable}), cores.
 *
 * @param shmFreeBytes       usable bytes of the file system under the shared-memory root
 * @param memAvailableBytes  memory the kernel can give new processes without swapping
 * @param cores              processors this JVM may use
 */
record MachineResources(long shmFreeBytes, long memAvailableBytes, int cores)
{
    private static final Path MEMINFO = Path.of("/proc/meminfo");

    static MachineResources of(final Path shmRoot)
    {
        return new MachineResources(shmFree(shmRoot), memAvailable(), Runtime.getRuntime().availableProcessors());
    }

    private static long shmFree(final Path shmRoot)
    {
        Path existing = shmRoot.toAbsolutePath();
        while (existing != null && !Files.exists(existing))
        {
            existing = existing.getParent(); // the run's root may not exist yet; its file system does
        }
        try
        {
            return existing == null ? Long.MAX_VALUE : Files.getFileStore(existing).getUsableSpace();
        }
        catch (final IOException ex)
        {
            return Long.MAX_VALUE; // cannot tell: creating the segment will
        }
    }

    /** {@code MemAvailable} of /proc/meminfo; elsewhere the free physical memory the JVM reports. */
    private static long memAvailable()
    {
        try
        {
            for (final String line : Files.readAllLines(MEMINFO))
            {
                if (line.startsWith("MemAvailable:"))
                {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        }
        catch (final IOException | NumberFormatException ex)
        {
            // fall through to what the JVM knows
        }
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getFreeMemorySize();
    }
}
