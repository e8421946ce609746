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
 */
public final class AotCache
{
    /** The cache this JVM was started with, set by {@code ./dpl} only when it matches the jars. */
    public static final String FILE_PROPERTY = "jdpl.aotCache";
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
        return configured() != null && System.getProperty("java.vm.info", "").contains("sharing");
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

    /** Options that start a JVM from this JVM's cache, passing it on to the JVMs that one starts; empty when this JVM has none. */
    public static List<String> startOptions()
    {
        if (!inUse())
        {
            return List.of();
        }
        final Path file = configured();
        return List.of("-XX:AOTCache=" + file, QUIET, "-D" + FILE_PROPERTY + "=" + file);
    }
}
