package org.jdpl.framework.hostcounters;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.aeron.Aeron;
import org.agrona.CloseHelper;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;
import org.jdpl.framework.catalog.DeviceCatalog;
import org.jdpl.framework.counters.CounterType;
import org.jdpl.framework.counters.CountersSnapshot;
import org.jdpl.framework.counters.DeviceState;
import org.jdpl.framework.counters.HostState;
import org.jdpl.framework.counters.ReplicaCounters;
import org.jdpl.framework.counters.RunCountersFile;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.topology.Compilation;
import org.jdpl.framework.topology.TopologyCompiler;
import org.jdpl.transport.EmbeddedMediaDriver;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A host's counters reach the launching host's file over real Aeron UDP (loopback): one media driver
 * for the "host", one for the launcher, as on two machines.
 */
class HostCountersTest
{
    @TempDir
    Path dir;

    @Test
    @Timeout(30)
    void shouldWriteAHostsReplicasIntoTheLaunchersFileAndLeaveOtherHostsAlone() throws Exception
    {
        final Plan plan = plan();
        try (Link link = new Link(plan, dir))
        {
            // fwd#1 runs on h2 and is written in h2's file; source (h1) is set too, but h2's agent must not send it.
            final ReplicaCounters fwd1 = ReplicaCounters.find(link.hostFile, 1, 1, plan.devices().get(1).routes().size());
            fwd1.state(DeviceState.RUNNING);
            fwd1.set(CounterType.TIMESLICES_IN, 42);
            fwd1.route(0, 42, 4200);
            ReplicaCounters.find(link.hostFile, 0, 0, plan.devices().get(0).routes().size()).set(CounterType.TIMESLICES_OUT, 99);

            await(() ->
            {
                link.sender.doWork();
                link.receiver.doWork();
                return CountersSnapshot.read(link.launcherFile).replica("fwd", 1).get(CounterType.TIMESLICES_IN) == 42;
            });

            final CountersSnapshot launcher = CountersSnapshot.read(link.launcherFile);
            assertEquals(DeviceState.RUNNING, launcher.replica("fwd", 1).state());
            assertEquals(4200, launcher.replica("fwd", 1).routes().getFirst().bytes());
            assertEquals(0, launcher.replica("source", 0).get(CounterType.TIMESLICES_OUT), "h2 sends only its own replicas");
            assertEquals(HostState.LIVE, launcher.host("h2").state());
            assertTrue(launcher.host("h2").updateMs() > 0);
            assertEquals(HostState.STARTING, launcher.host("h1").state());
            assertEquals(0, link.receiver.rejected());

            link.receiver.onHostExit(1, false);
            assertEquals(HostState.DEAD, CountersSnapshot.read(link.launcherFile).host("h2").state());
            assertEquals(42, CountersSnapshot.read(link.launcherFile).replica("fwd", 1).get(CounterType.TIMESLICES_IN),
                "a dead host's rows keep the last values it sent");
        }
    }

    @Test
    @Timeout(30)
    void shouldNotAllocateWhileSendingAndReceiving() throws Exception
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count allocated bytes");
        try (Link link = new Link(plan(), dir))
        {
            await(() ->
            {
                link.sender.sendAll();
                link.receiver.doWork();
                return CountersSnapshot.read(link.launcherFile).host("h2").state() == HostState.LIVE;
            });
            long allocated = Long.MAX_VALUE;
            // One object per message is >= 16 B a message: 80,000 B for 5,000; a little JIT noise in a round is not.
            // The first round warms up.
            for (int round = 0; round < 4 && allocated >= 80_000; round++)
            {
                final long before = threads.getCurrentThreadAllocatedBytes();
                int received = 0;
                while (received < 5_000)
                {
                    link.sender.sendAll();
                    received += link.receiver.doWork();
                }
                allocated = round == 0 ? Long.MAX_VALUE : threads.getCurrentThreadAllocatedBytes() - before;
            }
            assertTrue(allocated < 80_000, allocated + " bytes allocated sending and receiving 5,000 messages");
        }
    }

    /** h2's agent side and the launcher's side of the channel, each with its own media driver. */
    private static final class Link implements AutoCloseable
    {
        final RunCountersFile hostFile;
        final RunCountersFile launcherFile;
        final EmbeddedMediaDriver hostDriver;
        final EmbeddedMediaDriver launcherDriver;
        final Aeron hostAeron;
        final Aeron launcherAeron;
        final HostCountersReceiver receiver;
        final HostCountersSender sender;

        Link(final Plan plan, final Path dir)
        {
            final RunSecret secret = RunSecret.generate();
            hostFile = RunCountersFile.create(dir.resolve("host.dat"), plan.devices());
            launcherFile = RunCountersFile.create(dir.resolve("launcher.dat"), plan.devices(), plan.placement().hostNames());
            hostDriver = EmbeddedMediaDriver.launch(dir.resolve("host-aeron"));
            launcherDriver = EmbeddedMediaDriver.launch(dir.resolve("launcher-aeron"));
            hostAeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(hostDriver.aeronDir().toString()));
            launcherAeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(launcherDriver.aeronDir().toString()));
            receiver = HostCountersReceiver.open(launcherAeron, launcherFile, plan, SystemEpochClock.INSTANCE, secret);
            final int[] port = new int[1];
            await(() -> (port[0] = receiver.port()) != 0);
            sender = HostCountersSender.open(hostAeron, "127.0.0.1:" + port[0], hostFile, plan, "h2", SystemNanoClock.INSTANCE, secret);
        }

        @Override
        public void close()
        {
            CloseHelper.closeAll(sender, receiver, hostAeron, launcherAeron, hostDriver, launcherDriver, hostFile, launcherFile);
        }
    }

    @Test
    void shouldGiveTheDevicesTheSameCounterIdsWithOrWithoutHostCounters() throws Exception
    {
        final Plan plan = plan();
        try (RunCountersFile plain = RunCountersFile.create(dir.resolve("plain.dat"), plan.devices());
            RunCountersFile withHosts = RunCountersFile.create(dir.resolve("hosts.dat"), plan.devices(), plan.placement().hostNames()))
        {
            final ReplicaCounterRanges a = ReplicaCounterRanges.of(plain, plan);
            final ReplicaCounterRanges b = ReplicaCounterRanges.of(withHosts, plan);
            for (int flat = 0; flat < 4; flat++)
            {
                assertEquals(a.firstId(flat), b.firstId(flat));
                assertEquals(a.count(flat), b.count(flat));
            }
            assertEquals(List.of("h1", "h2"), CountersSnapshot.read(withHosts).hosts().stream().map(h -> h.host()).toList());
            assertEquals(List.of(), CountersSnapshot.read(plain).hosts());
        }
    }

    private Plan plan() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("topo.conf"), """
            hosts { h1 { address = "127.0.0.1" }, h2 { address = "127.0.0.1" } }
            devices {
              source { use = test-source, host = h1 }
              fwd    { use = test-filter, pipeline = 2, hosts = [h1, h2] }
              sink   { use = test-sink, host = h2 }
            }
            """);
        final Compilation compilation = TopologyCompiler.compile(List.of(file), List.of(), DeviceCatalog.load());
        assertTrue(compilation.ok(), compilation::problemReport);
        return compilation.plan();
    }

    private static void await(final java.util.function.BooleanSupplier condition)
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
