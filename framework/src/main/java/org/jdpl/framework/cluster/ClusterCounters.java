package org.jdpl.framework.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

import io.aeron.Aeron;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;
import org.jdpl.framework.counters.CounterType;
import org.jdpl.framework.counters.DeviceState;
import org.jdpl.framework.counters.ReplicaCounters;
import org.jdpl.framework.counters.RunCountersFile;
import org.jdpl.framework.driver.RunDirectories;
import org.jdpl.framework.driver.TimeSeriesSampler;
import org.jdpl.framework.hostcounters.HostCountersChannel;
import org.jdpl.framework.hostcounters.HostCountersReceiver;
import org.jdpl.framework.hostcounters.RunSecret;
import org.jdpl.framework.plan.FailurePolicy;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.ReplicaName;
import org.jdpl.framework.plan.PlannedHost;
import org.jdpl.framework.run.RunLayout;
import org.jdpl.framework.run.TimeSeriesFormat;
import org.jdpl.framework.run.RunManifest;
import org.jdpl.framework.runner.RunFiles;
import org.jdpl.transport.EmbeddedMediaDriver;

/**
 * The launching host's view of a multi-host run, so that {@code dpl status} and {@code dpl top}
 * there show every host's devices: the cluster run directory becomes a run like a local one (its
 * run.json names this process as the Driver, its counters file in /dev/shm is laid out for the
 * whole plan and its hosts), and the counters the host agents send are written into that file.
 * From them it also learns which expendable replicas failed on their hosts.
 */
final class ClusterCounters implements Agent, AutoCloseable
{
    private static final long BIND_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(10);

    private final RunDirectories dirs;
    private final RunCountersFile counters;
    private final EmbeddedMediaDriver mediaDriver;
    private final Aeron aeron;
    private final HostCountersReceiver receiver;
    private final int port;
    private final List<ReplicaName> expendableNames = new ArrayList<>();
    private final List<ReplicaCounters> expendable = new ArrayList<>();

    private ClusterCounters(
        final RunDirectories dirs, final RunCountersFile counters, final EmbeddedMediaDriver mediaDriver, final Aeron aeron,
        final HostCountersReceiver receiver, final int port, final Plan plan)
    {
        this.dirs = dirs;
        this.counters = counters;
        this.mediaDriver = mediaDriver;
        this.aeron = aeron;
        this.receiver = receiver;
        this.port = port;
        watchExpendable(plan);
    }

    /** The plan's expendable replicas, and their counters in {@code counters}: those a host may report FAILED. */
    private void watchExpendable(final Plan plan)
    {
        for (int d = 0; d < plan.devices().size(); d++)
        {
            final PlannedDevice device = plan.devices().get(d);
            for (int r = 0; device.failurePolicy().onCrash() == FailurePolicy.OnCrash.EXPENDABLE && r < device.replicas(); r++)
            {
                expendableNames.add(new ReplicaName(device.name(), r));
                expendable.add(ReplicaCounters.find(counters, d, r, device.routes().size()));
            }
        }
    }

    /** Makes the run's shared memory, counters file and receiver in this process, and its run.json in the cluster run directory. */
    static ClusterCounters open(final ClusterContext ctx, final Plan plan, final RunSecret secret)
    {
        final RunDirectories dirs = RunDirectories.create(ctx.shmRoot(), ctx.runDir().getParent(), ctx.runDir().getFileName().toString(),
            warning -> ctx.console().println("warning: " + warning));
        RunCountersFile counters = null;
        EmbeddedMediaDriver mediaDriver = null;
        Aeron aeron = null;
        HostCountersReceiver receiver = null;
        try
        {
            counters = RunCountersFile.create(RunLayout.counters(dirs.shmDir()), plan.devices(), plan.placement().hostNames());
            mediaDriver = EmbeddedMediaDriver.launch(dirs.aeronDir());
            aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(mediaDriver.aeronDir().toString()));
            receiver = HostCountersReceiver.open(aeron, counters, plan, SystemEpochClock.INSTANCE, secret);
            final int port = awaitPort(receiver::port, "the host counters' UDP port");
            RunFiles.writeManifest(RunLayout.manifest(dirs.runDir()), new RunManifest(dirs.runId(), dirs.runDir().toAbsolutePath().toString(),
                dirs.shmDir().toString(), mediaDriver.aeronDir().toString(), ProcessHandle.current().pid(), plan));
            return new ClusterCounters(dirs, counters, mediaDriver, aeron, receiver, port, plan);
        }
        catch (final IOException ex)
        {
            CloseHelper.closeAll(receiver, aeron, mediaDriver, counters, dirs);
            throw new UncheckedIOException("cannot write the run.json of " + dirs.runDir() + ": " + ex.getMessage(), ex);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.closeAll(receiver, aeron, mediaDriver, counters, dirs);
            throw ex;
        }
    }

    /** Counter messages dropped because they did not carry the run's tag: someone else's, sent to this run's port. */
    long unauthenticated()
    {
        return receiver.unauthenticated();
    }

    /** Waits for the media driver to bind the port {@code boundPort} reads (0 until then). */
    static int awaitPort(final IntSupplier boundPort, final String what)
    {
        final long deadlineNs = System.nanoTime() + BIND_TIMEOUT_NS;
        final IdleStrategy idle = new SleepingMillisIdleStrategy(1);
        int port;
        while ((port = boundPort.getAsInt()) == 0)
        {
            if (System.nanoTime() > deadlineNs)
            {
                throw new IllegalStateException("the media driver did not bind " + what + " within " +
                    TimeUnit.NANOSECONDS.toSeconds(BIND_TIMEOUT_NS) + " s");
            }
            idle.idle();
        }
        return port;
    }

    /** The launching host's time series of every host's counters, as a Driver samples its own (default period). */
    TimeSeriesSampler openTimeSeries()
    {
        return TimeSeriesSampler.open(counters, RunLayout.timeSeries(dirs.runDir()), TimeSeriesFormat.DEFAULT_PERIOD_MS,
            SystemNanoClock.INSTANCE, SystemEpochClock.INSTANCE);
    }

    String runId()
    {
        return dirs.runId();
    }

    /** Where {@code host}'s agent sends its counters: this host's address as seen from there, and the port. */
    String endpointFor(final PlannedHost host)
    {
        return HostCountersChannel.localAddressToward(host.address()) + ":" + port;
    }

    /**
     * Expendable replicas a host reported FAILED since the last call, each once: they will not come
     * back (a dead one is marked FAILED by its host's Driver).
     */
    int pollFailedExpendable(final Consumer<ReplicaName> onFailed)
    {
        int found = 0;
        for (int i = 0; i < expendable.size(); i++)
        {
            if (expendable.get(i) != null && DeviceState.of(expendable.get(i).get(CounterType.STATE).get()) == DeviceState.FAILED)
            {
                expendable.set(i, null);
                onFailed.accept(expendableNames.get(i));
                found++;
            }
        }
        return found;
    }

    /** The launching host's Aeron client, on its media driver. */
    Aeron aeron()
    {
        return aeron;
    }

    /** How long host number {@code hostIndex}'s counters have not arrived, in ms; -1 before the first or after its exit. */
    long silentMs(final int hostIndex)
    {
        return receiver.silentMs(hostIndex, System.currentTimeMillis());
    }

    /** The agent of the plan's host number {@code hostIndex} exited, well or not. */
    void onHostExit(final int hostIndex, final boolean ok)
    {
        receiver.onHostExit(hostIndex, ok);
    }

    @Override
    public int doWork()
    {
        return receiver.doWork();
    }

    @Override
    public String roleName()
    {
        return "cluster-counters";
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(receiver, aeron, mediaDriver, counters, dirs);
    }
}
