package org.jdpl.framework.hostcounters;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.aeron.Aeron;
import org.agrona.CloseHelper;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.jdpl.transport.EmbeddedMediaDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The launching host's commands reach every agent over real Aeron UDP (loopback), each agent with
 * its own media driver as on its own machine, told only the launcher's address and control port.
 */
class HostCommandTest
{
    @TempDir
    Path dir;

    @Test
    @Timeout(30)
    void shouldReachEveryAgentOnceEachAlsoOneThatJoinsAfterCommandsWereGiven()
    {
        final EmbeddedMediaDriver launcherDriver = EmbeddedMediaDriver.launch(dir.resolve("launcher-aeron"));
        final EmbeddedMediaDriver earlyDriver = EmbeddedMediaDriver.launch(dir.resolve("early-aeron"));
        final EmbeddedMediaDriver lateDriver = EmbeddedMediaDriver.launch(dir.resolve("late-aeron"));
        final Aeron launcherAeron = connect(launcherDriver);
        final Aeron earlyAeron = connect(earlyDriver);
        final Aeron lateAeron = connect(lateDriver);
        final List<String> early = new CopyOnWriteArrayList<>();
        final List<String> late = new CopyOnWriteArrayList<>();
        HostCommandPublisher publisher = null;
        HostCommandListener earlyListener = null;
        HostCommandListener lateListener = null;
        final RunSecret secret = RunSecret.generate();
        try
        {
            publisher = HostCommandPublisher.open(launcherAeron, SystemNanoClock.INSTANCE, secret);
            final HostCommandPublisher commands = publisher;
            await(() -> commands.port() != 0);
            final String endpoint = "127.0.0.1:" + publisher.port();
            earlyListener = HostCommandListener.open(earlyAeron, endpoint, secret, (command, text) -> early.add(command + " " + text));
            final HostCommandListener first = earlyListener;

            publisher.give(HostCommand.REPLICA_LOST, "fwd#1");
            await(() -> commands.doWork() + first.doWork() >= 0 && early.size() == 1);
            lateListener = HostCommandListener.open(lateAeron, endpoint, secret, (command, text) -> late.add(command + " " + text));
            final HostCommandListener second = lateListener;
            publisher.give(HostCommand.REPLICA_LOST, "sink#0");
            publisher.give(HostCommand.ABORT, "the run failed on host 'h2'");
            await(() -> commands.doWork() + first.doWork() + second.doWork() >= 0 && early.size() == 3 && late.size() == 3);
            // More rounds of the repeated commands: each agent acts on each once.
            final long until = System.nanoTime() + 3 * HostCommandPublisher.REPEAT_NS;
            await(() -> commands.doWork() + first.doWork() + second.doWork() >= 0 && System.nanoTime() > until);

            final List<String> all = List.of("REPLICA_LOST fwd#1", "REPLICA_LOST sink#0", "ABORT the run failed on host 'h2'");
            assertEquals(all, early, "in the order given");
            assertEquals(Set.copyOf(all), Set.copyOf(late), "a late agent gets every command given before it joined");
            assertEquals(3, late.size(), "once each: " + late);
        }
        finally
        {
            CloseHelper.closeAll(lateListener, earlyListener, publisher, lateAeron, earlyAeron, launcherAeron, lateDriver, earlyDriver,
                launcherDriver);
        }
    }

    /**
     * A stranger sends well-formed commands straight to an agent's command port: one without a tag,
     * one tagged with another run's key. The agent drops and counts both, and still acts on the
     * run's own, once.
     */
    @Test
    @Timeout(30)
    void shouldDropAndCountCommandsWithoutTheRunsTag()
    {
        final EmbeddedMediaDriver launcherDriver = EmbeddedMediaDriver.launch(dir.resolve("launcher-aeron"));
        final EmbeddedMediaDriver agentDriver = EmbeddedMediaDriver.launch(dir.resolve("agent-aeron"));
        final EmbeddedMediaDriver strangerDriver = EmbeddedMediaDriver.launch(dir.resolve("stranger-aeron"));
        final Aeron launcherAeron = connect(launcherDriver);
        final Aeron agentAeron = connect(agentDriver);
        final Aeron strangerAeron = connect(strangerDriver);
        final List<String> acted = new CopyOnWriteArrayList<>();
        final RunSecret secret = RunSecret.generate();
        HostCommandPublisher publisher = null;
        HostCommandListener listener = null;
        io.aeron.Publication stranger = null;
        try
        {
            publisher = HostCommandPublisher.open(launcherAeron, SystemNanoClock.INSTANCE, secret);
            final HostCommandPublisher commands = publisher;
            await(() -> commands.port() != 0);
            listener = HostCommandListener.open(agentAeron, "127.0.0.1:" + publisher.port(), secret,
                (command, text) -> acted.add(command + " " + text));
            final HostCommandListener agent = listener;
            await(() -> agent.endpoint() != null);
            stranger = strangerAeron.addPublication("aeron:udp?endpoint=" + agent.endpoint(), HostCountersChannel.COMMAND_STREAM_ID);
            final io.aeron.Publication forger = stranger;
            await(forger::isConnected);

            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[HostCommand.MAX_LENGTH]);
            final int untagged = HostCommand.ABORT.encode(buffer, 0, 0, "forged abort");
            final UnsafeBuffer wrongKey = new UnsafeBuffer(new byte[HostCommand.MAX_LENGTH]);
            final int tagged = RunSecret.generate().authenticator(MessageAuthenticator.Kind.COMMAND)
                .sign(wrongKey, 0, HostCommand.STOP.encode(wrongKey, 0, 1, "forged stop"));
            await(() -> forger.offer(buffer, 0, untagged) > 0);
            await(() -> forger.offer(wrongKey, 0, tagged) > 0);
            await(() -> agent.doWork() >= 0 && agent.unauthenticated() == 2);
            publisher.give(HostCommand.STOP, "the user stopped the run");
            await(() -> commands.doWork() + agent.doWork() >= 0 && acted.size() == 1);

            assertEquals(List.of("STOP the user stopped the run"), acted, "only the run's own command was acted on");
            assertEquals(2, agent.unauthenticated());
        }
        finally
        {
            CloseHelper.closeAll(stranger, listener, publisher, strangerAeron, agentAeron, launcherAeron, strangerDriver, agentDriver,
                launcherDriver);
        }
    }

    private static Aeron connect(final EmbeddedMediaDriver driver)
    {
        return Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDir().toString()));
    }

    private static void await(final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                fail("condition not met within 20 s");
            }
            Thread.yield();
        }
    }
}
