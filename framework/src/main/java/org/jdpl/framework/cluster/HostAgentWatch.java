package org.jdpl.framework.cluster;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;
import org.jdpl.framework.hostcounters.HostCommand;
import org.jdpl.framework.hostcounters.HostCommandPublisher;
import org.jdpl.framework.plan.FailurePolicy;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.ReplicaName;

/**
 * Watches the host agents of a run and applies the failure policy across hosts: the first agent
 * that ends badly fails the run (its devices crashed with it, or one of them failed), and every
 * other agent is told over the network to abort (its devices stop at once and still report, so
 * the run's timeslices can be accounted for); a user's stop tells them to stop (drain). Agents not
 * gone after the grace period get a signal through their launcher, then are killed. An agent that
 * died while the others stop is named first, as what the first failure followed from. An agent that
 * dies with only expendable devices on it is a casualty instead: the others are told each of its
 * replicas is lost (their consumers get its end of stream) and the run goes on. Done when every
 * agent exited.
 */
final class HostAgentWatch implements Agent
{
    /** After the signal, how long an agent has before it is killed. */
    private static final long KILL_AFTER_SIGNAL_NS = TimeUnit.SECONDS.toNanos(5);

    private final List<HostAgentProcess> agents;
    private final Plan plan;
    private final HostCommandPublisher commands;
    private final NanoClock clock;
    private final long stopGraceNs;
    private final List<String> lostHosts = new ArrayList<>();
    private final Set<ReplicaName> lostReplicas = new HashSet<>();
    private final List<String> incidents = new ArrayList<>();
    /** Why an agent was killed for its silence, by host, until its exit is seen. */
    private final java.util.Map<String, String> silenced = new java.util.HashMap<>();
    private String failure;
    private boolean failureByPolicy;
    private long stopDeadlineNs = Long.MAX_VALUE;
    private long killDeadlineNs = Long.MAX_VALUE;
    private boolean signalled;
    private boolean killed;
    private volatile boolean stopRequested;

    HostAgentWatch(
        final List<HostAgentProcess> agents, final Plan plan, final HostCommandPublisher commands, final NanoClock clock,
        final long stopGraceNs)
    {
        this.agents = agents;
        this.plan = plan;
        this.commands = commands;
        this.clock = clock;
        this.stopGraceNs = stopGraceNs;
    }

    @Override
    public int doWork()
    {
        int work = 0;
        boolean allExited = true;
        for (final HostAgentProcess agent : agents)
        {
            final boolean running = agent.exitCode() < 0;
            if (!agent.pollExited())
            {
                allExited = false;
                continue;
            }
            if (running)
            {
                work++;
                onExit(agent);
            }
        }
        if (stopRequested && stopDeadlineNs == Long.MAX_VALUE)
        {
            stopAll(HostCommand.STOP, "the run was stopped");
            work++;
        }
        final long now = clock.nanoTime();
        if (!allExited && !signalled && now > stopDeadlineNs)
        {
            signalled = true;
            killDeadlineNs = now + KILL_AFTER_SIGNAL_NS;
            agents.stream().filter(agent -> !agent.pollExited()).forEach(HostAgentProcess::stop);
            work++;
        }
        if (!allExited && !killed && now > killDeadlineNs)
        {
            killed = true;
            agents.forEach(HostAgentProcess::kill);
            work++;
        }
        return work + commands.doWork();
    }

    /**
     * {@code agent} has been silent too long: it is killed (once), and its death is told with {@code why};
     * false when it was already, or the run is ending anyway.
     */
    boolean silenced(final HostAgentProcess agent, final String why)
    {
        if (silenced.containsKey(agent.host()) || agent.pollExited() || stopDeadlineNs != Long.MAX_VALUE)
        {
            return false;
        }
        silenced.put(agent.host(), why);
        agent.kill();
        return true;
    }

    private void onExit(final HostAgentProcess agent)
    {
        final int code = agent.exitCode();
        final String silence = silenced.get(agent.host());
        if (code == HostAgentMain.OK || code == HostAgentMain.STOPPED && stopDeadlineNs != Long.MAX_VALUE)
        {
            return;
        }
        final boolean died = code != HostAgentMain.FAILED && code != HostAgentMain.BAD_SETUP && code != HostAgentMain.STOPPED;
        if (died && failure == null && stopDeadlineNs == Long.MAX_VALUE && onlyExpendableOn(agent.host()))
        {
            lostHosts.add(agent.host());
            incidents.add("host '" + agent.host() + "': " + (silence != null ? silence : describe(code)) + "; its devices " +
                devicesOn(agent.host()) +
                " are expendable: the run goes on without them; see " + HostAgentProcess.log(agent.hostDir()));
            plan.replicasOn(agent.host()).forEach(this::tellLost);
            return;
        }
        final String why = "host '" + agent.host() + "': " + (silence != null ? silence : describe(code)) + "; its devices " +
            devicesOn(agent.host()) +
            (code == HostAgentMain.FAILED ? " ended the run by their failure policy" : " are lost (a crash of each)") +
            "; see " + HostAgentProcess.log(agent.hostDir()) + (died ? cannotRestartElsewhere(agent.host()) : "");
        if (failure == null)
        {
            failure = why;
            failureByPolicy = code == HostAgentMain.FAILED;
            stopAll(HostCommand.ABORT, "the run failed on " + why);
        }
        else if (failureByPolicy && code != HostAgentMain.FAILED && code != HostAgentMain.STOPPED && !signalled)
        {
            // A dead agent's consumers on other hosts may fail on the lost stream before its own death is seen: it is the cause.
            failure = why + "; before it was seen, " + failure;
            failureByPolicy = false;
        }
    }

    private void stopAll(final HostCommand command, final String reason)
    {
        commands.give(command, reason);
        if (stopDeadlineNs == Long.MAX_VALUE)
        {
            stopDeadlineNs = clock.nanoTime() + stopGraceNs;
        }
    }

    private static String describe(final int exitCode)
    {
        return switch (exitCode)
        {
            case HostAgentMain.FAILED -> "its part of the run failed";
            case HostAgentMain.BAD_SETUP -> "its host agent could not start (bad plan or arguments)";
            case HostAgentMain.STOPPED -> "its host agent was stopped";
            default -> exitCode > 128 ? "its host agent died of signal " + (exitCode - 128) + signalName(exitCode - 128) :
                "its host agent exited with code " + exitCode;
        };
    }

    private static String signalName(final int signal)
    {
        return switch (signal)
        {
            case 9 -> " (SIGKILL: killed, or out of memory)";
            case 15 -> " (SIGTERM)";
            case 6 -> " (SIGABRT)";
            case 11 -> " (SIGSEGV)";
            default -> "";
        };
    }

    /**
     * An expendable replica's host says it failed (it died there, its agent lives on): the other hosts
     * are told, so that its consumers there get its end of stream and its producers there drop.
     */
    void onExpendableFailed(final ReplicaName replica)
    {
        if (!lostReplicas.contains(replica))
        {
            incidents.add(replica + " on host '" + plan.placement().hostOf(replica.device(), replica.replica()) +
                "' failed; expendable: the run goes on without it");
            tellLost(replica);
        }
    }

    private void tellLost(final ReplicaName replica)
    {
        if (lostReplicas.add(replica))
        {
            commands.give(HostCommand.REPLICA_LOST, replica.toString());
        }
    }

    /** Whether every replica on {@code host} is of an expendable device (and there is one): losing them all is a casualty. */
    private boolean onlyExpendableOn(final String host)
    {
        final List<ReplicaName> replicas = plan.replicasOn(host);
        return !replicas.isEmpty() && replicas.stream()
            .allMatch(replica -> plan.device(replica.device()).failurePolicy().onCrash() == FailurePolicy.OnCrash.EXPENDABLE);
    }

    /**
     * For a host that died with replicas of {@code on-crash = restart} devices on it: why they are not
     * started again on a surviving host, on one line; empty when there are none.
     */
    private String cannotRestartElsewhere(final String host)
    {
        final List<String> restartable = plan.replicasOn(host).stream()
            .filter(r -> plan.device(r.device()).failurePolicy().onCrash() == FailurePolicy.OnCrash.RESTART)
            .map(r -> plan.device(r.device()).replicas() == 1 ? r.device() : r.device() + "[" + r.replica() + "]")
            .toList();
        if (restartable.isEmpty())
        {
            return "";
        }
        return "\n  on-crash = restart of " + String.join(", ", restartable) + " cannot start " +
            (restartable.size() == 1 ? "it" : "them") + " on another host: the plan fixes each replica's host and the address " +
            "its producers send to when the run starts (moving a replica to a surviving host is not built), so the run stops";
    }

    private String devicesOn(final String host)
    {
        return String.join(", ", plan.replicasOn(host).stream()
            .map(r -> plan.device(r.device()).replicas() == 1 ? r.device() : r.device() + "[" + r.replica() + "]").toList());
    }

    void requestStop()
    {
        stopRequested = true;
    }

    boolean done()
    {
        for (final HostAgentProcess agent : agents)
        {
            if (!agent.pollExited())
            {
                return false;
            }
        }
        return true;
    }

    String failure()
    {
        return failure;
    }

    /** Hosts lost with only expendable devices on them: the run went on without them. */
    List<String> lostHosts()
    {
        return List.copyOf(lostHosts);
    }

    /** What the run went on without, naming each lost host. */
    List<String> incidents()
    {
        return List.copyOf(incidents);
    }

    boolean stopped()
    {
        return stopRequested;
    }

    @Override
    public String roleName()
    {
        return "host-agent-watch";
    }
}
