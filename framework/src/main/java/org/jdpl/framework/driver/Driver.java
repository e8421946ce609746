package org.jdpl.framework.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aeron.Aeron;
import io.aeron.exceptions.AeronException;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;
import org.jdpl.framework.counters.CountersSnapshot;
import org.jdpl.framework.counters.RunCountersFile;
import org.jdpl.framework.hostcounters.HostCountersSender;
import org.jdpl.framework.journal.RunJournal;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlanReplicas;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.ProcessGroup;
import org.jdpl.framework.run.ManifestFile;
import org.jdpl.framework.run.RunLayout;
import org.jdpl.framework.run.RunManifest;
import org.jdpl.transport.EmbeddedMediaDriver;

/**
 * Executes a plan: creates the run directories, starts the media driver, spawns one JVM per device
 * replica (one per replica of a process group for its members), supervises them to the end, and returns the summary. Shared memory is removed whatever
 * the ending. {@link #requestStop()} and {@link #requestKill()} may be called from any thread
 * (signal handlers).
 */
public final class Driver
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DriverContext ctx;
    private volatile RunSupervisor supervisor;
    private volatile Driver warmUp;
    private volatile boolean stopRequested;
    private volatile boolean killRequested;

    public Driver(final DriverContext ctx)
    {
        this.ctx = ctx.conclude();
        RunJournal.loadBeforeSignalHandlers(); // before a caller installs its stop handlers (SignalStopper)
    }

    public void requestStop()
    {
        stopRequested = true;
        final Driver w = warmUp;
        if (w != null)
        {
            w.requestKill(); // a warm-up has nothing worth draining
        }
        final RunSupervisor s = supervisor;
        if (s != null)
        {
            s.requestStop();
        }
    }

    public void requestKill()
    {
        killRequested = true;
        final Driver w = warmUp;
        if (w != null)
        {
            w.requestKill();
        }
        final RunSupervisor s = supervisor;
        if (s != null)
        {
            s.requestKill();
        }
    }

    /**
     * Runs the plan to its end and returns what happened. When devices have {@code pipeline = auto},
     * a warm-up run comes first (see {@link #warmUp}), and the real run has the replicas it chose.
     */
    public RunSummary run(final Plan plan)
    {
        if (plan.devices().stream().noneMatch(PlannedDevice::isAutoPipeline))
        {
            return execute(plan, null, List.of());
        }
        final List<AutoPipeline.Choice> choices = warmUp(plan);
        for (final AutoPipeline.Choice choice : choices)
        {
            ctx.console().println(choice.describe());
        }
        return execute(PlanReplicas.resize(plan, AutoPipeline.replicas(choices)), null, choices);
    }

    /**
     * Runs the plan with one replica per auto device, quietly, in a run directory of its own that is
     * removed afterwards, until {@link WarmupProbe} has measured every auto device (then its processes
     * are killed: what it made is thrown away), and chooses their replicas.
     */
    private List<AutoPipeline.Choice> warmUp(final Plan plan)
    {
        final int cores = Runtime.getRuntime().availableProcessors();
        ctx.console().printf("pipeline = auto: warming up (%d timeslices per auto device, at most %d s once running) to choose replicas%n",
            WarmupProbe.TIMESLICES, WarmupProbe.MAX_WAIT_NS / 1_000_000_000L);
        final WarmupProbe probe = new WarmupProbe(plan);
        final Driver driver = new Driver(ctx.quietCopy());
        warmUp = driver;
        if (stopRequested || killRequested)
        {
            driver.requestKill();
        }
        final long startNs = System.nanoTime();
        try
        {
            final RunSummary summary = driver.execute(plan, probe, List.of());
            RunDirectories.deleteTree(java.nio.file.Path.of(summary.runDir()));
        }
        finally
        {
            warmUp = null;
        }
        ctx.console().printf("pipeline = auto: warm-up took %.1f s (measuring %.1f s)%n", (System.nanoTime() - startNs) / 1e9,
            probe.measuringSeconds());
        return AutoPipeline.choose(plan, probe.msPerTimeslice(), cores);
    }

    private RunSummary execute(final Plan plan, final WarmupProbe probe, final List<AutoPipeline.Choice> choices)
    {
        final long startNs = System.nanoTime();
        final List<String> cannot = new ArrayList<>(
            new MachineCheck(plan, ctx.host(), MachineResources.of(ctx.shmRoot()), ctx.keyLocations()).problems());
        cannot.addAll(PortCheck.problems(plan, ctx.host(), ctx.shmRoot()));
        if (!cannot.isEmpty())
        {
            throw new RunSetupException(String.join("\n", cannot), null);
        }
        final List<DeviceProcess> processes = new ArrayList<>();
        try (RunDirectories dirs = RunDirectories.create(ctx.shmRoot(), ctx.runsDir(),
                warning -> ctx.console().println("warning: " + warning));
            RunJournal journal = RunJournal.open(RunLayout.journal(dirs.runDir()));
            RunCountersFile counters = RunCountersFile.create(RunLayout.counters(dirs.shmDir()), plan.devices());
            EmbeddedMediaDriver mediaDriver = EmbeddedMediaDriver.launch(dirs.aeronDir());
            Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(mediaDriver.aeronDir().toString()));
            ControlPublisher control = new ControlPublisher(aeron, plan.controlStreamId());
            EndOfStreamProxy endOfStream = new EndOfStreamProxy(aeron, plan, ctx.host(), counters);
            SegmentKeeper segment = SegmentKeeper.create(dirs.shmDir(), plan, processes);
            HostCountersSender hostCounters = openHostCounters(aeron, counters, plan, probe);
            TimeSeriesSampler series = TimeSeriesSampler.open(counters, RunLayout.timeSeries(dirs.runDir()), ctx.samplePeriodMs(),
                SystemNanoClock.INSTANCE, SystemEpochClock.INSTANCE);
            LaunchingHostCommands hostCommands = probe != null ? null :
                LaunchingHostCommands.open(ctx, aeron, plan, journal, this::requestStop, () -> supervisor))
        {
            final RunManifest manifest = new RunManifest(dirs.runId(), dirs.runDir().toAbsolutePath().toString(),
                dirs.shmDir().toString(), mediaDriver.aeronDir().toString(), ProcessHandle.current().pid(), plan);
            writeManifest(manifest);
            ctx.console().printf("run %s: %d devices, %d processes; logs in %s%n",
                dirs.runId(), plan.devices().size(), plan.processCount(), dirs.runDir().resolve("logs"));
            journal.event("run " + dirs.runId() + " started by pid " + manifest.driverPid() + ": " + plan.devices().size() +
                " devices, " + plan.processCount() + " processes");
            for (final String gpu : GpuLines.of(plan))
            {
                ctx.console().println("gpu: " + gpu);
                journal.event("gpu: " + gpu);
            }

            final DeviceLauncher launcher = new DeviceLauncher(ctx, dirs.runDir(), journal, plan);
            final String spawnFailure = spawnAll(plan, ctx.host(), launcher, processes);
            final ProcessSampler sampler = new ProcessSampler(processes, counters, plan, journal, SystemNanoClock.INSTANCE);
            final RunProgress progress = new RunProgress(ctx.progress(), counters, plan, ctx.console(), SystemNanoClock.INSTANCE);
            final RunSupervisor s = new RunSupervisor(processes, launcher, control, endOfStream,
                SystemNanoClock.INSTANCE, ctx.stopGraceNs(), ctx.killGraceNs());
            supervisor = s;
            if (probe != null)
            {
                probe.attach(counters, s, System.nanoTime());
            }
            if (spawnFailure != null)
            {
                s.fail(spawnFailure);
            }
            if (stopRequested)
            {
                s.requestStop();
            }
            if (killRequested)
            {
                s.requestKill();
            }
            final SilenceWatch silence = new SilenceWatch(processes, s, plan, counters, SystemNanoClock.INSTANCE);
            supervise(s, segment, sampler, progress, hostCounters, hostCommands, journal, probe, series, silence);
            sampler.finish();
            series.finish();
            if (hostCounters != null)
            {
                // Its publication closes here, so the drain below also delivers the last values to the launching host.
                hostCounters.finish();
            }
            // A run that failed or was stopped does not wait for its streams to other hosts: they may be dead.
            if (plan.placement().spansHosts() && s.failure() == null && !s.stopRequested() &&
                NetworkDrain.await(aeron, NetworkDrain.TIMEOUT_NS) > 0)
            {
                journal.event("UDP streams to other hosts were still draining when the run ended; their consumers may miss the end");
            }
            progress.finish();

            final RunStatus status = s.failure() != null ? RunStatus.FAILED :
                s.stopRequested() ? RunStatus.INTERRUPTED : RunStatus.OK;
            final CountersSnapshot last = CountersSnapshot.read(counters);
            if (probe != null)
            {
                probe.finish(last);
            }
            final RunSummary summary = SummaryBuilder.build(dirs.runId(), dirs.runDir(), dirs.shmDir(), plan, processes, status,
                s.failure(), s.casualties(), s.crashes(), last, (System.nanoTime() - startNs) / 1e9).withAutoPipeline(choices);
            if (segment != null)
            {
                summary.metrics().putAll(segment.finish());
            }
            if (plan.placement().spansHosts())
            {
                summary.metrics().putAll(NetworkCounters.read(aeron));
            }
            if (hostCommands != null)
            {
                summary.metrics().put(LaunchingHostCommands.METRIC_UNAUTHENTICATED, (double)hostCommands.unauthenticated());
            }
            journalAccounting(journal, summary.timeslices(), s.casualties());
            journal.event("run " + dirs.runId() + " ended: " + status.name().toLowerCase(java.util.Locale.ROOT) +
                (s.failure() != null ? ": " + s.failure() : ""));
            writeSummary(summary, RunLayout.summary(dirs.runDir()));
            return summary;
        }
        finally
        {
            for (final DeviceProcess p : processes)
            {
                if (!p.pollExited())
                {
                    p.kill();
                }
            }
            supervisor = null;
        }
    }

    /**
     * Starts every replica (on {@code host}, when it is a host agent), a group's with its first member;
     * returns why one could not be started, or null.
     */
    private static String spawnAll(final Plan plan, final String host, final DeviceLauncher launcher, final List<DeviceProcess> processes)
    {
        for (final PlannedDevice device : plan.devices())
        {
            final ProcessGroup group = plan.groupOf(device.name());
            if (group != null && !group.devices().get(0).equals(device.name()))
            {
                continue;
            }
            for (int r = 0; r < device.replicas(); r++)
            {
                if (!host.isEmpty() && !plan.placement().hostOf(device.name(), r).equals(host))
                {
                    continue;
                }
                try
                {
                    if (group == null)
                    {
                        processes.add(launcher.start(device, r, 0));
                    }
                    else
                    {
                        processes.addAll(launcher.startGroup(plan, group, r, 0));
                    }
                }
                catch (final UncheckedIOException ex)
                {
                    return ex.getMessage();
                }
            }
        }
        return null;
    }

    /** The sender of this host's counters to the launching host, when this Driver is a host agent told where to send (not in a warm-up). */
    private HostCountersSender openHostCounters(final Aeron aeron, final RunCountersFile counters, final Plan plan, final WarmupProbe probe)
    {
        if (ctx.hostCountersEndpoint() == null || ctx.host().isEmpty() || probe != null)
        {
            return null;
        }
        try
        {
            return HostCountersSender.open(aeron, ctx.hostCountersEndpoint(), counters, plan, ctx.host(), SystemNanoClock.INSTANCE,
                ctx.runSecret());
        }
        catch (final AeronException ex)
        {
            // Live counters are a view, not the run: a launching host this one cannot reach costs the view only.
            ctx.console().println("warning: this host's counters cannot reach the launching host at " + ctx.hostCountersEndpoint() +
                " (" + ex.getMessage() + "); dpl status there will not show this host's devices live");
            return null;
        }
    }

    private static void supervise(
        final RunSupervisor s, final SegmentKeeper segment, final ProcessSampler sampler, final RunProgress progress,
        final HostCountersSender hostCounters, final LaunchingHostCommands hostCommands, final RunJournal journal, final WarmupProbe probe,
        final TimeSeriesSampler series, final SilenceWatch silence)
    {
        final IdleStrategy idle = new SleepingMillisIdleStrategy(20);
        boolean stopJournaled = false;
        while (!s.isDone())
        {
            // The keeper goes first: a dead process's segment slot is reclaimed before the supervisor restarts it.
            final int reclaimed = segment == null ? 0 : segment.doWork();
            final int probed = probe == null ? 0 : probe.doWork();
            final int sent = hostCounters == null ? 0 : hostCounters.doWork();
            final int commands = hostCommands == null ? 0 : hostCommands.doWork();
            idle.idle(reclaimed + s.doWork() + sampler.doWork() + progress.doWork() + probed + sent + commands + series.doWork() +
                silence.doWork());
            if (s.stopRequested() && !stopJournaled)
            {
                stopJournaled = true;
                journal.event("stop requested: the sources end their stream");
            }
        }
    }

    /** Every incident and every listed loss goes to the journal too, so a finished run can be inspected without its summary. */
    private static void journalAccounting(final RunJournal journal, final TimesliceTotals totals, final List<String> incidents)
    {
        for (final String incident : incidents)
        {
            journal.event("incident: " + incident);
        }
        if (totals == null)
        {
            journal.event("timeslices: accounted for on the launching host, across every host");
            return;
        }
        journal.event("timeslices: " + totals.produced() + " produced, " + totals.completed() + " completed, " +
            totals.dropped() + " dropped, " + totals.lost() + " lost");
        for (final TimesliceLoss loss : totals.losses())
        {
            journal.event("timeslice " + loss.timeslice() + " not completed, at " + loss.device() + ": " + loss.reason());
        }
        if (totals.lossesNotListed() > 0)
        {
            journal.event(totals.lossesNotListed() + " more timeslices not completed (not listed)");
        }
    }

    private static void writeSummary(final RunSummary summary, final java.nio.file.Path file)
    {
        try
        {
            RunDirectories.createPrivateFile(file);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create " + file + ": " + ex.getMessage(), ex);
        }
        SummaryPrinter.writeJson(summary, file);
    }

    private static void writeManifest(final RunManifest manifest)
    {
        final java.nio.file.Path file = RunLayout.manifest(java.nio.file.Path.of(manifest.runDir()));
        try
        {
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), manifest);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            // what the device processes read: no JSON library to load in each of them (0600, as a temporary file is made)
            ManifestFile.write(RunLayout.deviceManifest(file.getParent()), manifest);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + file + ": " + ex.getMessage(), ex);
        }
    }
}
