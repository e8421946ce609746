package org.jdpl.devices.builtin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jdpl.framework.plan.Completion;
import org.jdpl.framework.plan.FailurePolicy;
import org.jdpl.framework.plan.HostPlacement;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.Route;
import org.jdpl.framework.run.RunLayout;
import org.jdpl.framework.run.RunManifest;
import org.jdpl.framework.runner.DeviceOutcome;
import org.jdpl.framework.runner.DeviceRunner;
import org.jdpl.framework.runner.DeviceRunnerContext;
import org.jdpl.framework.runner.DeviceSetupException;
import org.jdpl.framework.runner.RunFiles;
import org.jdpl.framework.spec.DataSpec;
import org.jdpl.framework.spec.InputSpec;
import org.jdpl.framework.spec.OutputSpec;
import org.jdpl.transport.EmbeddedMediaDriver;
import org.jdpl.transport.segment.PayloadSegment;
import org.jdpl.transport.segment.SegmentContext;
import org.junit.jupiter.api.Assumptions;

/**
 * A real run for tests: a directory under /dev/shm with an embedded media driver, a run directory,
 * a run.json, and device runners on threads of this JVM (as many "processes" as the test wants).
 * Closing it stops what still runs and deletes everything it made in /dev/shm.
 */
final class RunRig implements AutoCloseable
{
    static final int CONTROL_STREAM_ID = 10;

    private final Path shmDir;
    private final Path runDir;
    private final EmbeddedMediaDriver mediaDriver;
    private final List<DeviceRunner> runners = new ArrayList<>();
    private RunManifest manifest;
    private PayloadSegment segment;

    RunRig(final Path runDir)
    {
        final Path shm = Path.of("/dev/shm");
        Assumptions.assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "needs a writable /dev/shm");
        this.runDir = runDir;
        this.shmDir = shm.resolve("jdpl-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        this.mediaDriver = EmbeddedMediaDriver.launch(RunLayout.aeronDir(shmDir));
    }

    static PlannedDevice device(
        final String name,
        final String type,
        final int replicas,
        final String options,
        final List<String> inputs,
        final List<String> outputs,
        final int firstStreamId,
        final int upstreamProducers,
        final List<Route> routes)
    {
        return new PlannedDevice(name, type, replicas, Completion.ALL, options,
            inputs.stream().map(InputSpec::parse).toList(), outputs.stream().map(OutputSpec::parse).toList(),
            firstStreamId, upstreamProducers, routes, "backoff", FailurePolicy.DEFAULT, "test.conf:1");
    }

    static Route route(final String output, final String spec, final String consumer, final int consumerReplicas, final int firstStreamId)
    {
        return new Route(output, DataSpec.parse(spec), consumer, "in", consumerReplicas, firstStreamId);
    }

    /** Writes run.json for these devices; the Driver is this JVM unless {@code driverPid} says otherwise. */
    RunManifest plan(final long driverPid, final PlannedDevice... devices)
    {
        return plan(driverPid, HostPlacement.LOCAL, devices);
    }

    /** Writes run.json for a plan placed on hosts; this rig plays one of them. */
    RunManifest plan(final HostPlacement placement, final PlannedDevice... devices)
    {
        return plan(ProcessHandle.current().pid(), placement, devices);
    }

    /** Creates this rig's payload segment (the Driver's part), so that large payloads go through it. */
    RunRig withSegment(final long sizeBytes)
    {
        segment = PayloadSegment.create(RunLayout.payloadSegment(shmDir), new SegmentContext().sizeBytes(sizeBytes));
        return this;
    }

    private RunManifest plan(final long driverPid, final HostPlacement placement, final PlannedDevice... devices)
    {
        manifest = new RunManifest("test-run", runDir.toString(), shmDir.toString(), mediaDriver.aeronDir().toString(), driverPid,
            new Plan(List.of(devices), CONTROL_STREAM_ID, 1 << 20, List.of("test.conf"), 0, placement));
        try
        {
            RunFiles.writeManifest(RunLayout.manifest(runDir), manifest);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        return manifest;
    }

    RunManifest plan(final PlannedDevice... devices)
    {
        return plan(ProcessHandle.current().pid(), devices);
    }

    DeviceRunner start(final String device, final int replica) throws DeviceSetupException
    {
        final DeviceRunner runner = new DeviceRunner(new DeviceRunnerContext().manifest(manifest).deviceName(device).replica(replica));
        runners.add(runner);
        return runner.start();
    }

    static DeviceOutcome await(final DeviceRunner runner) throws InterruptedException
    {
        final DeviceOutcome outcome = runner.awaitOutcome(60, TimeUnit.SECONDS);
        if (outcome == null)
        {
            throw new AssertionError("device did not end within 60 s");
        }
        return outcome;
    }

    Path runDir()
    {
        return runDir;
    }

    Path shmDir()
    {
        return shmDir;
    }

    Path aeronDir()
    {
        return mediaDriver.aeronDir();
    }

    @Override
    public void close() throws IOException
    {
        for (final DeviceRunner runner : runners)
        {
            runner.close();
        }
        mediaDriver.close();
        if (segment != null)
        {
            segment.close();
        }
        if (Files.exists(shmDir))
        {
            try (Stream<Path> paths = Files.walk(shmDir))
            {
                for (final Path path : paths.sorted(Comparator.reverseOrder()).toList())
                {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
