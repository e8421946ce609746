package org.jdpl.framework.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.SystemNanoClock;
import org.jdpl.framework.driver.RunStatus;
import org.jdpl.framework.driver.RunSummary;
import org.jdpl.framework.driver.TimeSeriesSampler;
import org.jdpl.framework.hostcounters.HostCommandPublisher;
import org.jdpl.framework.hostcounters.HostCountersChannel;
import org.jdpl.framework.hostcounters.RunSecret;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedHost;
import org.jdpl.framework.run.RunLayout;

/**
 * Runs a plan that spans hosts, from the launching host: writes the plan (with copies of its device
 * libraries beside it) and the run's secret ({@link RunSecret}, 0600) where every host reads them,
 * starts one host agent per host through the launcher, watches them to the end (the first host that
 * fails ends the run, naming the host), and gathers each host's summary. The start needs no
 * barrier: a producer sends nothing before every consumer stream is connected, wherever it is.
 * {@link #requestStop()} may be called from any thread.
 */
public final class ClusterRun
{
    private static final long IDLE_MS = 20;

    private final ClusterContext ctx;
    private volatile HostAgentWatch watch;
    private volatile boolean stopRequested;
    private final List<HostAgentProcess> started = new java.util.concurrent.CopyOnWriteArrayList<>();

    public ClusterRun(final ClusterContext ctx)
    {
        this.ctx = ctx.conclude();
    }

    /** Stops every host's devices (their sources end the stream); the run then ends as usual. */
    public void requestStop()
    {
        stopRequested = true;
        final HostAgentWatch w = watch;
        if (w != null)
        {
            w.requestStop();
        }
    }

    /** The pid, on its host, of the process started for {@code host}'s agent (the launcher's, e.g. srun); -1 when none runs. */
    public long agentPid(final String host)
    {
        for (final HostAgentProcess agent : started)
        {
            if (agent.host().equals(host) && !agent.pollExited())
            {
                return agent.pid();
            }
        }
        return -1;
    }

    public ClusterSummary run(final Plan topologyPlan)
    {
        if (!topologyPlan.placement().spansHosts())
        {
            throw new IllegalArgumentException("the plan places nothing on hosts; run it with the Driver");
        }
        final Plan plan = RunPorts.choose(topologyPlan);
        final Path planFile = ctx.runDir().resolve("plan.json");
        final Path secretFile = RunLayout.secret(ctx.runDir());
        final RunSecret secret = RunSecret.generate();
        try
        {
            Files.createDirectories(ctx.runDir());
            ClusterFiles.writePlan(planFile, ClusterLibraries.shipInto(ctx.runDir(), plan));
            secret.writeTo(secretFile);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + planFile + " and " + secretFile + ": " + e.getMessage(), e);
        }
        final List<HostAgentProcess> agents = new ArrayList<>();
        try (ClusterCounters counters = ClusterCounters.open(ctx, plan, secret);
            HostCommandPublisher commands = HostCommandPublisher.open(counters.aeron(), SystemNanoClock.INSTANCE, secret);
            TimeSeriesSampler series = counters.openTimeSeries())
        {
            final int commandPort = ClusterCounters.awaitPort(commands::port, "the host commands' UDP control port");
            ctx.console().printf("run %s: %d devices on hosts %s, net.base-port %d for this run; `dpl status %s` shows " +
                "them all, live%n", counters.runId(), plan.devices().size(), plan.placement().hostNames(),
                plan.placement().net().basePort(), counters.runId());
            for (final PlannedHost host : plan.placement().hosts())
            {
                agents.add(HostAgentProcess.start(ctx, planFile, host, counters.endpointFor(host),
                    HostCountersChannel.localAddressToward(host.address()) + ":" + commandPort, secretFile));
                started.add(agents.getLast());
                ctx.console().printf("host %s (%s): agent started, pid %d, log %s%n", host.name(), host.address(),
                    agents.getLast().pid(), HostAgentProcess.log(agents.getLast().hostDir()));
            }
            final HostAgentWatch w = new HostAgentWatch(agents, plan, commands, SystemNanoClock.INSTANCE, ctx.stopGraceNs());
            watch = w;
            if (stopRequested)
            {
                w.requestStop();
            }
            final boolean[] exitSeen = new boolean[agents.size()];
            boolean strangerTold = false;
            final IdleStrategy idle = new SleepingMillisIdleStrategy(IDLE_MS);
            while (!w.done())
            {
                if (Thread.currentThread().isInterrupted())
                {
                    throw new IllegalStateException("the cluster run was interrupted; its host agents are killed");
                }
                idle.idle(w.doWork() + counters.doWork() + onExits(agents, exitSeen, counters) +
                    counters.pollFailedExpendable(w::onExpendableFailed) + series.doWork() + killSilent(plan, agents, counters, w));
                strangerTold = strangerTold || tellStranger(counters.unauthenticated());
            }
            w.doWork();
            counters.doWork();
            series.finish();
            onExits(agents, exitSeen, counters);
            cleanAfterDeadAgents(plan, agents);
            final ClusterSummary summary = summary(plan, w, agents, counters.unauthenticated());
            ClusterFiles.writeSummary(RunLayout.summary(ctx.runDir()), summary);
            return summary;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write the summary of " + ctx.runDir() + ": " + e.getMessage(), e);
        }
        finally
        {
            for (final HostAgentProcess agent : agents)
            {
                if (!agent.pollExited())
                {
                    agent.kill();
                }
            }
            watch = null;
            started.clear();
        }
    }

    /** Says once that counters came without the run's tag; true when it did. */
    private boolean tellStranger(final long unauthenticated)
    {
        if (unauthenticated == 0)
        {
            return false;
        }
        ctx.console().println("warning: dropped counter messages without this run's tag, sent to its counters port by something " +
            "outside the run; they are counted in the summary's incidents");
        return true;
    }

    /** An agent that died (killed, out of memory) could not remove its host's shared memory: a short step there does. */
    private void cleanAfterDeadAgents(final Plan plan, final List<HostAgentProcess> agents)
    {
        for (final HostAgentProcess agent : agents)
        {
            if (!Files.exists(HostAgentProcess.summaryFile(agent.hostDir())))
            {
                ctx.console().printf("host %s: its agent died; %s%n", agent.host(),
                    agent.cleanAfterDeath(ctx, plan.placement().addressOf(agent.host())));
            }
        }
    }

    /** Tells the counters of agents that exited since the last call (agents are in the plan's host order). */
    private static int onExits(final List<HostAgentProcess> agents, final boolean[] exitSeen, final ClusterCounters counters)
    {
        int work = 0;
        for (int i = 0; i < agents.size(); i++)
        {
            final int exitCode = agents.get(i).exitCode();
            if (!exitSeen[i] && exitCode >= 0)
            {
                exitSeen[i] = true;
                counters.onHostExit(i, exitCode == HostAgentMain.OK || exitCode == HostAgentMain.STOPPED);
                work++;
            }
        }
        return work;
    }

    /**
     * {@code net.silent-after}: an agent whose counters stopped arriving (its host hung or cut off) is
     * killed through its launcher, and its exit then goes the way of any agent's death.
     */
    private static int killSilent(final Plan plan, final List<HostAgentProcess> agents, final ClusterCounters counters,
        final HostAgentWatch w)
    {
        final long limitMs = plan.placement().net().silentAfterMs();
        if (limitMs <= 0)
        {
            return 0;
        }
        int work = 0;
        for (int i = 0; i < agents.size(); i++)
        {
            final long silentMs = counters.silentMs(i);
            if (silentMs > limitMs && w.silenced(agents.get(i), String.format(java.util.Locale.ROOT,
                "its host agent was silent for %.1f s (no counters; net.silent-after = %.0f s) and was killed", silentMs / 1e3, limitMs / 1e3)))
            {
                work++;
            }
        }
        return work;
    }

    private static ClusterSummary summary(final Plan plan, final HostAgentWatch w, final List<HostAgentProcess> agents,
        final long unauthenticatedCounters)
    {
        final List<String> incidents = new ArrayList<>(w.incidents());
        if (unauthenticatedCounters > 0)
        {
            incidents.add(unauthenticatedCounters + " counter messages without this run's tag were dropped (sent by something " +
                "outside the run)");
        }
        final List<HostOutcome> outcomes = new ArrayList<>();
        boolean allOk = true;
        for (final HostAgentProcess agent : agents)
        {
            allOk &= agent.exitCode() == HostAgentMain.OK || w.lostHosts().contains(agent.host());
            outcomes.add(new HostOutcome(agent.host(), agent.exitCode(), readSummary(agent.hostDir()),
                HostAgentProcess.log(agent.hostDir()).toString()));
        }
        final RunStatus status = w.failure() != null ? RunStatus.FAILED : w.stopped() || !allOk ? RunStatus.INTERRUPTED : RunStatus.OK;
        return new ClusterSummary(status, w.failure(), List.copyOf(incidents), ClusterAccounting.totals(plan, outcomes), List.copyOf(outcomes));
    }

    private static RunSummary readSummary(final Path hostDir)
    {
        final Path file = HostAgentProcess.summaryFile(hostDir);
        try
        {
            return Files.exists(file) ? ClusterFiles.readSummary(file) : null;
        }
        catch (final IOException e)
        {
            return null;
        }
    }
}
