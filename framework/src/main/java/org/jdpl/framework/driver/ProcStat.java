package org.jdpl.framework.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a process's CPU time, resident memory and command line from Linux's /proc. Values are -1
 * (or empty) when the process is gone or /proc is not there.
 */
public final class ProcStat
{
    /** Clock ticks per second of /proc/<pid>/stat times; 100 on every Linux we run on. */
    static final long TICKS_PER_SECOND = 100;
    private static final int UTIME_FIELD = 14;
    private static final int STIME_FIELD = 15;

    private ProcStat()
    {
    }

    /** User plus system CPU time in clock ticks, or -1. */
    static long cpuTicks(final long pid)
    {
        try
        {
            final String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
            final String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(rest[UTIME_FIELD - 3]) + Long.parseLong(rest[STIME_FIELD - 3]);
        }
        catch (final IOException | RuntimeException ex)
        {
            return -1;
        }
    }

    /** User plus system CPU time in milliseconds, or -1. */
    public static long cpuMillis(final long pid)
    {
        final long ticks = cpuTicks(pid);
        return ticks < 0 ? -1 : ticks * 1000 / TICKS_PER_SECOND;
    }

    /**
     * Proportional set size in bytes, or -1: resident pages with each shared page (the AOT cache, the
     * JDK's modules, jars) divided among the processes that map it, so that summing it over processes
     * counts shared pages once.
     */
    public static long pssBytes(final long pid)
    {
        return kilobytesField(pid, "smaps_rollup", "Pss:");
    }

    /** Resident set size in bytes, or -1. */
    public static long rssBytes(final long pid)
    {
        return statusBytes(pid, "VmRSS:");
    }

    /** The largest resident set the process has had so far (the kernel's high-water mark) in bytes, or -1. */
    public static long peakRssBytes(final long pid)
    {
        return statusBytes(pid, "VmHWM:");
    }

    /** The private part of the resident set (heap, stacks, code; not shared mappings) in bytes, or -1. */
    public static long anonymousRssBytes(final long pid)
    {
        return statusBytes(pid, "RssAnon:");
    }

    /** The process's arguments, separated by spaces (ProcessHandle.Info may leave out long command lines), or "". */
    public static String commandLine(final long pid)
    {
        try
        {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
        }
        catch (final IOException | RuntimeException ex)
        {
            return "";
        }
    }

    private static long statusBytes(final long pid, final String field)
    {
        return kilobytesField(pid, "status", field);
    }

    /** A "Field:   123 kB" line of /proc/PID/FILE, in bytes, or -1. */
    private static long kilobytesField(final long pid, final String file, final String field)
    {
        try
        {
            for (final String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), file)))
            {
                if (line.startsWith(field))
                {
                    final String kb = line.substring(field.length()).trim().split("\\s+")[0];
                    return Long.parseLong(kb) * 1024;
                }
            }
            return -1;
        }
        catch (final IOException | RuntimeException ex)
        {
            return -1;
        }
    }
}
