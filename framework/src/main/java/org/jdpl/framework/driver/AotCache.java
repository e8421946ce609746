package org.jdpl.framework.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The ahead-of-time cache (JDK 25, JEP 483/514/515) the JVMs of jdpl start from: classes already
 * loaded and linked, method profiles, made by a training run over the one jar class path
 * ({@code tools/target/jdpl-tools.jar} and {@code tools/target/lib/*}) that {@code ./dpl} uses.
 * {@code ./dpl} checks the cache still matches the jars (the JVM itself does not notice a rebuilt
 * jar and would run the old classes) and tells this JVM its path as {@code -Djdpl.aotCache}; every
 * JVM this one starts (device and group processes, host agents) gets it only if this JVM could use
 * it, so a corrupt cache costs one notice, not a silent slow start or a warning in every device log.
 *
 * <p>The training run sets {@code -Djdpl.aotRecord}: its process group then writes the cache at
 * exit ({@code -XX:AOTCacheOutput}). A group runs every device kind of the training topology, its
 * runner, in-process rings and Aeron streams in one JVM, which is what a device process loads.
 *
 * <p>Two caches over the same class path: the JVM loads every class of its cache at start, and a
 * device process must not load the Driver's (picocli, Jackson, Typesafe Config, Chronicle, the media
 * driver). So the Driver (the training run's own JVM records it) starts from {@code driver.aot}
 * ({@code -Djdpl.aotDriverCache}), and passes the device cache ({@code -Djdpl.aotCache}) to the
 * processes it starts; {@code -Djdpl.aotCacheBytes} is the device cache's size when it was made, so a
 * Driver that maps its own cache still notices a truncated device cache.
 */
public final class AotCache
{
    /** The cache this JVM was started with, set by {@code ./dpl} only when it matches the jars. */
    public static final String FILE_PROPERTY = "jdpl.aotCache";
    /** The Driver's own cache (the {@code dpl} JVM's), set by {@code ./dpl} only when it matches the jars. */
    public static final String DRIVER_FILE_PROPERTY = "jdpl.aotDriverCache";
    /** The size of the device cache when it was made. */
    public static final String BYTES_PROPERTY = "jdpl.aotCacheBytes";
    /** Where the training run's process group writes the cache. */
    public static final String RECORD_PROPERTY = "jdpl.aotRecord";
    /** Silences the JVM's own messages about an unusable cache: they would land in device logs and parsed output. */
    static final String QUIET = "-Xlog:aot*=off";

    private AotCache()
    {
    }

    /** The cache this JVM was told to start from, or null. */
    public static Path configured()
    {
        final String file = System.getProperty(FILE_PROPERTY);
        return file == null || file.isBlank() ? null : Path.of(file);
    }

    /**
     * Whether this JVM started from the configured cache. The JVM reports a mapped archive as
     * "sharing" in {@code java.vm.info}; a cache it rejected (corrupt, other JDK, other flags) leaves
     * it without any archive.
     */
    public static boolean inUse()
    {
        return configured() != null && System.getProperty("java.vm.info", "").contains("sharing") && intact(configured());
    }

    /** Whether the device cache has the size it was made with (true when that size is not known: the JVM mapped it itself). */
    private static boolean intact(final Path file)
    {
        final String bytes = System.getProperty(BYTES_PROPERTY);
        try
        {
            return bytes == null || bytes.isBlank() || Files.size(file) == Long.parseLong(bytes.strip());
        }
        catch (final IOException | NumberFormatException e)
        {
            return false;
        }
    }

    /** Why a configured cache was not used (one line), or null when it was used or none was configured. */
    public static String notUsedReason()
    {
        final Path file = configured();
        if (file == null || inUse())
        {
            return null;
        }
        return Files.isRegularFile(file) ? "the JVM could not use the AOT cache " + file + " (corrupt, or made by another JDK)" :
            "the AOT cache " + file + " is missing";
    }

    /**
     * Forgets which jars a cache this JVM could not use was made from, so that {@code ./dpl} makes it
     * again on its next use instead of offering the same broken file again.
     */
    public static void forgetUnusable()
    {
        final Path file = configured();
        if (file != null && !inUse())
        {
            try
            {
                Files.deleteIfExists(Path.of(file + ".jars"));
            }
            catch (final IOException | SecurityException ex)
            {
                // Then ./dpl offers it again and this JVM says so again: no worse than now.
            }
        }
    }

    /** Options for a JVM that runs devices: record the cache (training), start from it, or nothing. */
    static List<String> deviceOptions(final boolean group)
    {
        final String record = System.getProperty(RECORD_PROPERTY);
        if (record != null && !record.isBlank())
        {
            return group ? List.of("-XX:AOTCacheOutput=" + record) : List.of();
        }
        return startOptions();
    }

    /** Options that start a device JVM from this JVM's device cache; empty when this JVM has none it could use. */
    public static List<String> startOptions()
    {
        if (!inUse())
        {
            return List.of();
        }
        final Path file = configured();
        return List.of("-XX:AOTCache=" + file, QUIET, "-D" + FILE_PROPERTY + "=" + file);
    }

    /**
     * Options that start another Driver (a host agent, a benchmark's {@code dpl run}) as this one
     * started: from the Driver's cache, passing the device cache on; the device cache alone when there
     * is no Driver cache; empty when this JVM has no cache it could use.
     */
    public static List<String> driverStartOptions()
    {
        final String driver = System.getProperty(DRIVER_FILE_PROPERTY);
        if (!inUse() || driver == null || driver.isBlank())
        {
            return startOptions();
        }
        final Path file = configured();
        final String bytes = System.getProperty(BYTES_PROPERTY, "");
        return List.of("-XX:AOTCache=" + driver, QUIET, "-D" + DRIVER_FILE_PROPERTY + "=" + driver, "-D" + FILE_PROPERTY + "=" + file,
            "-D" + BYTES_PROPERTY + "=" + bytes);
    }
}
