package org.jdpl.framework.driver;

import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.Supplier;

import io.aeron.Aeron;
import io.aeron.exceptions.AeronException;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.jdpl.framework.hostcounters.HostCommand;
import org.jdpl.framework.hostcounters.HostCommandListener;
import org.jdpl.framework.journal.RunJournal;
import org.jdpl.framework.plan.FailurePolicy;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.ReplicaName;

/**
 * A host agent's Driver taking the launching host's commands, in its supervisor's duty cycle: a stop
 * is the user's (as a SIGINT here would be), an abort stops every device at once, and a lost
 * expendable replica on another host is handled as if it had died here.
 */
final class LaunchingHostCommands implements Agent, AutoCloseable
{
    /** Commands dropped because they did not carry the run's tag: sent by something outside the run. */
    static final String METRIC_UNAUTHENTICATED = "hostCommands.unauthenticated";

    private final DriverContext ctx;
    private final Plan plan;
    private final RunJournal journal;
    private final Runnable requestStop;
    private final Supplier<RunSupervisor> supervisor;
    private HostCommandListener listener;
    private boolean endpointTold;
    private long unauthenticatedTold;

    private LaunchingHostCommands(
        final DriverContext ctx, final Plan plan, final RunJournal journal, final Runnable requestStop,
        final Supplier<RunSupervisor> supervisor)
    {
        this.ctx = ctx;
        this.plan = plan;
        this.journal = journal;
        this.requestStop = requestStop;
        this.supervisor = supervisor;
    }

    /**
     * Joins the launching host's commands when {@code ctx} is a host agent's told where they come
     * from; null otherwise, or when that host cannot be reached (a stop from there then comes as a
     * signal through the launcher, after its grace period).
     */
    static LaunchingHostCommands open(
        final DriverContext ctx, final Aeron aeron, final Plan plan, final RunJournal journal, final Runnable requestStop,
        final Supplier<RunSupervisor> supervisor)
    {
        if (ctx.hostCommandsEndpoint() == null || ctx.host().isEmpty())
        {
            return null;
        }
        final LaunchingHostCommands commands = new LaunchingHostCommands(ctx, plan, journal, requestStop, supervisor);
        try
        {
            commands.listener = HostCommandListener.open(aeron, ctx.hostCommandsEndpoint(), ctx.runSecret(), commands::onCommand);
            return commands;
        }
        catch (final AeronException | UncheckedIOException ex)
        {
            ctx.console().println("warning: this host cannot take commands from the launching host at " + ctx.hostCommandsEndpoint() +
                " (" + ex.getMessage() + "); a stop from there comes as a signal, after its grace period");
            return null;
        }
    }

    @Override
    public int doWork()
    {
        final int work = listener.doWork();
        if (!endpointTold && listener.endpoint() != null)
        {
            endpointTold = true;
            final String line = "takes the launching host's commands at " + listener.endpoint() + ", tagged with the run's secret";
            journal.event(line);
            ctx.console().println("host agent '" + ctx.host() + "': " + line);
        }
        if (listener.unauthenticated() > unauthenticatedTold && unauthenticatedTold == 0)
        {
            final String line = "dropped a command without this run's tag (sent by something outside the run); drops are counted in " +
                METRIC_UNAUTHENTICATED;
            journal.event(line);
            ctx.console().println("host agent '" + ctx.host() + "': " + line);
        }
        unauthenticatedTold = listener.unauthenticated();
        return work;
    }

    long unauthenticated()
    {
        return listener.unauthenticated();
    }

    private void onCommand(final HostCommand command, final String text)
    {
        final String said = "the launching host says " + command.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + text;
        journal.event(said);
        ctx.console().println("host agent '" + ctx.host() + "': " + said);
        switch (command)
        {
            case STOP -> requestStop.run();
            case ABORT -> supervisor.get().requestAbort();
            case REPLICA_LOST -> onReplicaLost(text);
        }
    }

    /** {@code text} names a replica of an expendable device; anything else means the hosts run different plans. */
    private void onReplicaLost(final String text)
    {
        final ReplicaName replica = ReplicaName.parse(text);
        final PlannedDevice device = replica == null ? null :
            plan.devices().stream().filter(d -> d.name().equals(replica.device())).findFirst().orElse(null);
        if (device == null || device.failurePolicy().onCrash() != FailurePolicy.OnCrash.EXPENDABLE || replica.replica() >= device.replicas())
        {
            supervisor.get().fail("the launching host says expendable replica '" + text + "' was lost, but this host's plan has no " +
                "such expendable device (do both run the same plan?)");
            return;
        }
        if (!plan.placement().hostOf(device.name(), replica.replica()).equals(ctx.host()))
        {
            supervisor.get().remoteReplicaLost(device, replica.replica()); // this host's own were handled when they died here
        }
    }

    @Override
    public String roleName()
    {
        return "launching-host-commands";
    }

    @Override
    public void close()
    {
        CloseHelper.close(listener);
    }
}
