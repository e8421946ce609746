package org.jdpl.framework.driver;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jdpl.framework.plan.NetSettings;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.Route;
import org.jdpl.framework.run.RunLayout;
import org.jdpl.framework.run.RunManifest;
import org.jdpl.framework.runner.RunFiles;

/**
 * Before a host agent starts its devices: is every UDP port its consumers will listen on free on
 * this host? A taken port is one line naming the port and what holds it (another live run of this
 * machine that started a replica listening there, found from its run.json and logs, or another
 * program), instead of a device that dies binding it.
 * The check binds each port and lets go of it at once; the device binds it a moment later.
 */
final class PortCheck
{
    private PortCheck()
    {
    }

    static List<String> problems(final Plan plan, final String host, final Path shmRoot)
    {
        final List<String> problems = new ArrayList<>();
        if (host.isEmpty() || !plan.placement().spansHosts())
        {
            return problems;
        }
        final NetSettings net = plan.placement().net();
        final String address = listenAddress(plan, host);
        for (final PlannedDevice device : plan.devices())
        {
            for (int r = 0; device.firstStreamId() > 0 && r < device.replicas(); r++)
            {
                if (!plan.placement().hostOf(device.name(), r).equals(host) || !hasProducerElsewhere(plan, device, host))
                {
                    continue;
                }
                final int port = net.portOf(device.firstStreamId() + r);
                if (!free(address, port))
                {
                    problems.add("UDP port " + port + " on host '" + host + "' (" + address + "), where " + device.name() + "#" + r +
                        " listens, is taken by " + holder(shmRoot, address, port).orElse("another program (ss -ulpn 'sport = :" + port +
                        "' names it)") + "; leave net.base-port out so that each run gets ports of its own, or give one whose ports " +
                        "(base-port + 1001 and up) are free on every host");
                }
            }
        }
        return problems;
    }

    private static String listenAddress(final Plan plan, final String host)
    {
        return plan.placement().net().listenOnAll() ? "0.0.0.0" : plan.placement().addressOf(host);
    }

    private static boolean free(final String address, final int port)
    {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(address, port)))
        {
            return socket.isBound();
        }
        catch (final SocketException ex)
        {
            return false;
        }
    }

    /** As the device decides it: a replica listens on its port when a producer of it runs on another host. */
    private static boolean hasProducerElsewhere(final Plan plan, final PlannedDevice consumer, final String host)
    {
        for (final PlannedDevice producer : plan.devices())
        {
            for (final Route route : producer.routes())
            {
                if (!route.consumer().equals(consumer.name()) || route.durable())
                {
                    continue;
                }
                for (int r = 0; r < producer.replicas(); r++)
                {
                    if (!plan.placement().hostOf(producer.name(), r).equals(host))
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The live run of this machine whose plan listens on {@code port} at {@code address}, described. */
    private static Optional<String> holder(final Path shmRoot, final String address, final int port)
    {
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(shmRoot, RunDirectories.SHM_PREFIX + "*"))
        {
            for (final Path shmDir : runs)
            {
                final Optional<String> run = holderIn(shmDir, address, port);
                if (run.isPresent())
                {
                    return run;
                }
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            // What holds it is a courtesy; the port is taken all the same.
        }
        return Optional.empty();
    }

    private static Optional<String> holderIn(final Path shmDir, final String address, final int port)
    {
        try
        {
            final Optional<RunOwner> owner = RunOwner.read(shmDir).filter(RunOwner::isAlive);
            if (owner.isEmpty())
            {
                return Optional.empty();
            }
            final Path runDir = Path.of(owner.get().runDir());
            final RunManifest manifest = RunFiles.readManifest(RunLayout.manifest(runDir));
            final Plan other = manifest.plan();
            if (other.placement().spansHosts() && listensOn(other, runDir, address, port))
            {
                return Optional.of("run " + manifest.runId() + " (Driver pid " + manifest.driverPid() + ", " + manifest.runDir() + ")");
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            // another user's, half made or half gone: not the holder as far as this check can tell
        }
        return Optional.empty();
    }

    /** Whether a replica the run in {@code runDir} started (it has a log there) listens on {@code port} at {@code address}. */
    private static boolean listensOn(final Plan plan, final Path runDir, final String address, final int port)
    {
        for (final PlannedDevice device : plan.devices())
        {
            for (int r = 0; device.firstStreamId() > 0 && r < device.replicas(); r++)
            {
                final String listening = listenAddress(plan, plan.placement().hostOf(device.name(), r));
                final String process = plan.groupOf(device.name()) == null ? device.name() : plan.groupOf(device.name()).name();
                if (plan.placement().net().portOf(device.firstStreamId() + r) == port && Files.exists(RunLayout.log(runDir, process, r)) &&
                    (listening.equals(address) || listening.equals("0.0.0.0") || address.equals("0.0.0.0")))
                {
                    return true;
                }
            }
        }
        return false;
    }
}
