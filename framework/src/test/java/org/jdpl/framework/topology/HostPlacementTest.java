package org.jdpl.framework.topology;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jdpl.framework.plan.FanOut;
import org.jdpl.framework.plan.HostPlacement;
import org.jdpl.framework.plan.NetSettings;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Placing replicas on hosts: host, hosts with pipeline, defaults, addresses from --set, net sizing. */
class HostPlacementTest
{
    private static final String TOPOLOGY = """
        hosts {
          node1 { address = "10.0.0.1" }
          node2 { }
          node3 { address = "10.0.0.3" }
        }
        net { mtu = 8K, socket-buffer = 4M, receiver-window = 2M, term-length = 64M, base-port = 40000 }
        devices {
          source { use = test-source }
          fwd    { use = test-filter, pipeline = 4, hosts = [node2, node3] }
          sink   { use = test-sink, host = node3 }
        }
        """;

    @TempDir
    Path dir;

    private Plan plan(final String text, final List<String> sets) throws IOException
    {
        return TopologyTestSupport.compileClean(List.of(TopologyTestSupport.write(dir, "topo.conf", text)), sets).plan();
    }

    @Test
    void shouldDealReplicasAmongTheirHostsAndPutUnplacedDevicesOnTheFirstHost() throws IOException
    {
        final HostPlacement placement = plan(TOPOLOGY, List.of()).placement();

        assertTrue(placement.spansHosts());
        assertEquals(List.of("node1", "node2", "node3"), placement.hostNames());
        assertEquals("node1", placement.hostOf("source", 0), "a device placed nowhere runs on the first host");
        assertEquals(List.of("node2", "node3", "node2", "node3"), placement.replicaHosts().get("fwd"));
        assertEquals("node3", placement.hostOf("sink", 0));
        assertEquals("node2", placement.addressOf("node2"), "the address defaults to the host's name");
        assertEquals("10.0.0.3", placement.addressOf("node3"));
    }

    @Test
    void shouldTakeAddressesAndPlacementFromSetOverrides() throws IOException
    {
        final Plan plan = plan(TOPOLOGY, List.of("hosts.node2.address=\"127.0.0.2\"", "sink.host=node1"));

        assertEquals("127.0.0.2", plan.placement().addressOf("node2"));
        assertEquals("node1", plan.placement().hostOf("sink", 0));
        assertEquals(List.of(new PlannedHost("node1", "10.0.0.1"), new PlannedHost("node2", "x"), new PlannedHost("node3", "10.0.0.3")),
            plan.placement().withAddresses(Map.of("node2", "x")).hosts());
    }

    @Test
    void shouldSizeCrossHostChannelsFromTheNetBlock() throws IOException
    {
        final NetSettings net = plan(TOPOLOGY, List.of()).placement().net();

        assertEquals(new NetSettings(8192, 4 << 20, 2 << 20, 64 << 20, 40000), net);
        assertEquals(41001, net.portOf(1001));
        assertEquals("|mtu=8192|term-length=67108864|so-sndbuf=4194304|so-rcvbuf=4194304|rcv-wnd=2097152", net.channelParameters());
        assertEquals(FanOut.MDC, net.fanOut(), "one-to-many defaults to multi-destination-cast");
    }

    @Test
    void shouldTakeTheFanOutAndMulticastGroupFromTheNetBlock() throws IOException
    {
        final NetSettings net = plan(TOPOLOGY, List.of("net.fan-out=multicast", "net.multicast-group=\"239.1.2.3\"")).placement().net();

        assertEquals(FanOut.MULTICAST, net.fanOut());
        assertEquals("239.1.2.3", net.multicastGroup());
        assertEquals(FanOut.UNICAST, plan(TOPOLOGY, List.of("net.fan-out=unicast")).placement().net().fanOut());
    }

    @Test
    void shouldLeaveATopologyWithoutHostsOnOneHost() throws IOException
    {
        final Plan plan = plan("""
            devices {
              source { use = test-source }
              fwd    { use = test-filter, pipeline = 2 }
              sink   { use = test-sink }
            }
            """, List.of());

        assertFalse(plan.placement().spansHosts());
        assertEquals("", plan.placement().hostOf("fwd", 1));
        assertEquals(NetSettings.DEFAULTS, plan.placement().net());
    }

    @Test
    void shouldShowHostsInTheGraph() throws IOException
    {
        final String dot = PlanRenderer.render(plan(TOPOLOGY, List.of()), PlanRenderer.Format.dot);

        assertTrue(dot.contains("test-filter \u00d74 @ node2,node3"), dot);
        assertTrue(dot.contains("test-source @ node1"), dot);
    }
}
