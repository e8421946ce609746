package org.jdpl.framework.runner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jdpl.framework.run.DeviceExitCode;
import org.jdpl.framework.run.DeviceReport;
import org.jdpl.framework.run.ManifestFile;
import org.jdpl.framework.run.ReportFile;
import org.jdpl.framework.run.RunLayout;
import org.jdpl.framework.run.RunManifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of a device process:
 * {@code java @jvm.flags -cp CP org.jdpl.framework.runner.DeviceMain <run.json> <device> <replica>}.
 * Runs one device replica to its end and exits with a {@link DeviceExitCode}; the report is in
 * {@link RunLayout#report} of the run directory, also when it fails.
 */
public final class DeviceMain
{
    private static final Logger LOG = LoggerFactory.getLogger(DeviceMain.class);
    private static final String USAGE = "usage: DeviceMain <path to run.json> <device name> <replica>";
    private static final long SHUTDOWN_WAIT_MS = 3_000;

    private DeviceMain()
    {
    }

    public static void main(final String[] args)
    {
        System.exit(run(args));
    }

    /** Runs the device and returns the exit code (never exits the JVM itself). */
    static int run(final String[] args)
    {
        if (args.length != 3)
        {
            LOG.error(USAGE);
            return DeviceExitCode.BAD_SETUP;
        }
        final Path manifestFile = Path.of(args[0]);
        final String name = args[1];
        final int replica;
        try
        {
            replica = Integer.parseInt(args[2]);
        }
        catch (final NumberFormatException e)
        {
            LOG.error("replica '{}' is not a number; {}", args[2], USAGE);
            return DeviceExitCode.BAD_SETUP;
        }
        final RunManifest manifest;
        try
        {
            manifest = ManifestFile.read(manifestFile);
        }
        catch (final IOException e)
        {
            LOG.error("{}: cannot read the run manifest {}: {}", name, manifestFile, e.getMessage());
            return DeviceExitCode.BAD_SETUP;
        }
        final DeviceRunner runner;
        try
        {
            runner = new DeviceRunner(new DeviceRunnerContext().manifest(manifest).deviceName(name).replica(replica));
        }
        catch (final DeviceSetupException | RuntimeException e)
        {
            LOG.error("{}: cannot start: {}", name, e.getMessage());
            writeSetupFailure(manifest, name, replica, e.getMessage());
            return DeviceExitCode.BAD_SETUP;
        }
        return runToEnd(runner);
    }

    private static int runToEnd(final DeviceRunner runner)
    {
        // On SIGTERM/SIGINT, stop the loop so the report is still written.
        final Thread hook = new Thread(runner::close, "device-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        runner.start();
        try
        {
            DeviceOutcome outcome = null;
            while (outcome == null)
            {
                outcome = runner.awaitOutcome(1, TimeUnit.SECONDS);
            }
            return outcome.exitCode();
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            runner.close();
            final DeviceOutcome outcome = waitBriefly(runner);
            return outcome == null ? DeviceExitCode.STOPPED : outcome.exitCode();
        }
        finally
        {
            try
            {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            catch (final IllegalStateException shuttingDown)
            {
                // the JVM is already exiting; the hook is running
            }
        }
    }

    private static DeviceOutcome waitBriefly(final DeviceRunner runner)
    {
        try
        {
            return runner.awaitOutcome(SHUTDOWN_WAIT_MS, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException e)
        {
            return null;
        }
    }

    static void writeSetupFailure(final RunManifest manifest, final String name, final int replica, final String failure)
    {
        if (manifest.runDir() == null || replica < 0)
        {
            return;
        }
        final DeviceReport report = new DeviceReport(name, replica, "FAILED", 0, 0, 0, 0, 0, 1, 0, failure, Map.of(), List.of(), List.of());
        try
        {
            ReportFile.write(RunLayout.report(Path.of(manifest.runDir()), name, replica), report);
        }
        catch (final IOException | RuntimeException e)
        {
            LOG.error("{}: could not write its report: {}", name, e.getMessage());
        }
    }
}
