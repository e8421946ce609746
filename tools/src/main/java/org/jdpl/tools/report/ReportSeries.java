package org.jdpl.tools.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jdpl.framework.counters.CounterType;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.tools.view.TimeSeriesReader.ReplicaValues;
import org.jdpl.tools.view.RunView;
import org.jdpl.tools.view.TimeSeriesReader.Sample;

/**
 * The sampled counters as the page draws them: for each device, one series per replica of throughput (timeslices per
 * second: in, or out for a source), p50 and p99 processing time (ms), back-pressure and CPU (%), RSS (MB) and GPU busy
 * (%); and the timeframes in flight (produced by the sources, not yet done by every sink, as {@code dpl status} counts
 * them). Rates are differences between consecutive samples; a replica absent from a sample is a gap (null).
 */
final class ReportSeries
{
    static final List<String> METRICS = List.of("throughput", "p50", "p99", "bp", "cpu", "rss", "gpu");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportSeries()
    {
    }

    static ObjectNode of(final Plan plan, final List<Sample> samples)
    {
        final ObjectNode root = JSON.createObjectNode();
        final ArrayNode t = root.putArray("t");
        final long t0 = samples.isEmpty() ? 0 : samples.getFirst().epochMs();
        samples.forEach(s -> t.add((s.epochMs() - t0) / 1000.0));
        root.put("startEpochMs", t0);
        final ArrayNode devices = root.putArray("devices");
        for (final PlannedDevice device : plan.devices())
        {
            devices.add(device(device, samples));
        }
        final ArrayNode inFlight = root.putArray("inFlight");
        samples.forEach(s -> inFlight.add(inFlight(plan, s)));
        return root;
    }

    private static ObjectNode device(final PlannedDevice device, final List<Sample> samples)
    {
        final ObjectNode node = JSON.createObjectNode();
        node.put("name", device.name());
        node.put("type", device.type());
        final Map<String, ObjectNode> byMetric = new LinkedHashMap<>();
        for (final String metric : METRICS)
        {
            byMetric.put(metric, node.putObject(metric));
        }
        boolean gpu = device.usesGpu();
        for (int r = 0; r < device.replicas(); r++)
        {
            final String label = device.name() + "#" + r;
            final Map<String, ArrayNode> series = new LinkedHashMap<>();
            byMetric.forEach((metric, m) -> series.put(metric, m.putArray(label)));
            ReplicaValues previous = null;
            long previousMs = 0;
            for (final Sample s : samples)
            {
                final ReplicaValues now = find(s, device.name(), r);
                if (now == null)
                {
                    series.values().forEach(ArrayNode::addNull);
                    previous = null;
                    continue;
                }
                final double seconds = previous == null ? 0 : Math.max(1e-3, (s.epochMs() - previousMs) / 1000.0);
                final CounterType counted = device.isSource() ? CounterType.TIMESLICES_OUT : CounterType.TIMESLICES_IN;
                addRate(series.get("throughput"), now, previous, counted, seconds);
                series.get("p50").add(now.get(CounterType.PROCESSING_P50_NS.name()) / 1e6);
                series.get("p99").add(now.get(CounterType.PROCESSING_P99_NS.name()) / 1e6);
                if (previous == null)
                {
                    series.get("bp").addNull();
                }
                else
                {
                    series.get("bp").add(Math.min(100, Math.max(0, delta(now, previous, CounterType.BACK_PRESSURE_NS)) / seconds / 1e7));
                }
                series.get("cpu").add(now.get(CounterType.CPU_PERMILLE.name()) / 10.0);
                series.get("rss").add(now.get(CounterType.RSS_BYTES.name()) / 1e6);
                final long busy = now.get(CounterType.GPU_BUSY_PERMILLE.name());
                gpu |= busy > 0;
                series.get("gpu").add(busy / 10.0);
                previous = now;
                previousMs = s.epochMs();
            }
        }
        node.put("usesGpu", gpu);
        return node;
    }

    private static void addRate(final ArrayNode series, final ReplicaValues now, final ReplicaValues previous, final CounterType type,
        final double seconds)
    {
        if (previous == null)
        {
            series.addNull();
        }
        else
        {
            series.add(Math.max(0, delta(now, previous, type)) / seconds);
        }
    }

    private static long delta(final ReplicaValues now, final ReplicaValues previous, final CounterType type)
    {
        return now.get(type.name()) - previous.get(type.name());
    }

    private static ReplicaValues find(final Sample s, final String device, final int replica)
    {
        for (final ReplicaValues r : s.replicas())
        {
            if (r.replica() == replica && r.device().equals(device))
            {
                return r;
            }
        }
        return null;
    }

    /** Produced by the sources less done by the sinks, as {@code dpl status} counts them ({@link RunView#totals}). */
    static long inFlight(final Plan plan, final Sample s)
    {
        final long[] totals = RunView.totals(plan, (device, type) ->
        {
            long sum = 0;
            for (final ReplicaValues r : s.replicas())
            {
                if (r.device().equals(device))
                {
                    sum += r.get(type.name());
                }
            }
            return sum;
        });
        return Math.max(0, totals[0] - totals[1]);
    }
}
