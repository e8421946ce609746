package org.jdpl.framework.run;

import java.nio.file.Path;

/** Where things live in a run's directories; the one place that names these files. */
public final class RunLayout
{
    public static final String MANIFEST_FILE = "run.json";
    /** The same manifest in the compact form device processes read ({@link ManifestFile}). */
    public static final String DEVICE_MANIFEST_FILE = "run.manifest";
    public static final String SUMMARY_FILE = "summary.json";
    public static final String COUNTERS_FILE = "counters.dat";
    public static final String JOURNAL_DIR = "journal";
    /** The key of a run across hosts, in the launching host's run directory (which every host reads); mode 0600. */
    public static final String SECRET_FILE = "secret";

    private RunLayout()
    {
    }

    public static Path manifest(final Path runDir)
    {
        return runDir.resolve(MANIFEST_FILE);
    }

    /** What a device process is given to read: the manifest without JSON ({@link ManifestFile}). */
    public static Path deviceManifest(final Path runDir)
    {
        return runDir.resolve(DEVICE_MANIFEST_FILE);
    }

    public static Path secret(final Path runDir)
    {
        return runDir.resolve(SECRET_FILE);
    }

    public static Path summary(final Path runDir)
    {
        return runDir.resolve(SUMMARY_FILE);
    }

    /** What a sink replica completed, kept in shared memory across its crashes and restarts ({@link CompletionBits}). */
    public static Path completions(final Path shmDir, final String device, final int replica)
    {
        return shmDir.resolve("completions").resolve(device + "." + replica + ".bits");
    }

    public static Path report(final Path runDir, final String device, final int replica)
    {
        return runDir.resolve("reports").resolve(device + "." + replica + ".json");
    }

    /** The run's sampled counters over time ({@link TimeSeriesFormat}), in the persistent run directory. */
    public static Path timeSeries(final Path runDir)
    {
        return runDir.resolve("timeseries.jsonl");
    }

    /** What a QC device wrote at the end of its stream (one file per replica; a report merges them). */
    public static Path qc(final Path runDir, final String device, final int replica)
    {
        return runDir.resolve("qc").resolve(device + "." + replica + ".json");
    }

    public static Path log(final Path runDir, final String device, final int replica)
    {
        return runDir.resolve("logs").resolve(device + "." + replica + ".log");
    }

    /** The live counters, in the shared-memory directory (gone when the run ends). */
    public static Path counters(final Path shmDir)
    {
        return shmDir.resolve(COUNTERS_FILE);
    }

    /** The run journal (a Chronicle queue), in the persistent run directory. */
    public static Path journal(final Path runDir)
    {
        return runDir.resolve(JOURNAL_DIR);
    }

    /** The payload segment file, created by the Driver in the run's shared-memory directory. */
    public static Path payloadSegment(final Path shmDir)
    {
        return shmDir.resolve("payload.segment");
    }

    /** The directory of the run's durable (Chronicle) channels, in the persistent run directory. */
    public static Path queuesDir(final Path runDir)
    {
        return runDir.resolve("queues");
    }

    public static Path aeronDir(final Path shmDir)
    {
        return shmDir.resolve("aeron");
    }
}
