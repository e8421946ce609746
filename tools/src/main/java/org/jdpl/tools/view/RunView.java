package org.jdpl.tools.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongBiFunction;

import org.jdpl.framework.counters.CounterType;
import org.jdpl.framework.counters.CountersSnapshot;
import org.jdpl.framework.counters.ReplicaSample;
import org.jdpl.framework.counters.RouteSample;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;

/**
 * A run's live figures from two counter snapshots: one row per replica, one per edge, and the
 * timeframe totals (produced by the sources, done = reached every sink, in flight = the rest).
 */
public record RunView(
    List<ReplicaRow> replicas,
    List<EdgeRow> edges,
    long produced,
    long done,
    double donePerSecond)
{
    public long inFlight()
    {
        return Math.max(0, produced - done);
    }

    /** The view of {@code now}, with rates since {@code before} (which may be null: rates are then 0). */
    public static RunView of(final Plan plan, final CountersSnapshot before, final CountersSnapshot now)
    {
        final double seconds = before == null ? 0 : Math.max(1e-3, (now.takenNs() - before.takenNs()) / 1e9);
        final long nowMs = System.currentTimeMillis();
        final List<ReplicaRow> rows = new ArrayList<>();
        final Map<String, double[]> edges = new LinkedHashMap<>();
        for (final ReplicaSample s : now.replicas())
        {
            final ReplicaSample b = before == null ? null : before.replica(s.device(), s.replica());
            final String host = plan.placement().hostOf(s.device(), s.replica());
            rows.add(row(s, b, seconds, nowMs, host, HostStatus.of(now.host(host), nowMs)));
            for (final RouteSample route : s.routes())
            {
                final RouteSample previous = b == null ? null : routeOf(b, route.routeIndex());
                final double[] edge = edges.computeIfAbsent(s.device() + "\u0000" + route.consumer(), k -> new double[3]);
                edge[0] += route.messages();
                if (previous != null)
                {
                    edge[1] += (route.messages() - previous.messages()) / seconds;
                    edge[2] += (route.bytes() - previous.bytes()) / seconds / 1e6;
                }
            }
        }
        final List<EdgeRow> edgeRows = new ArrayList<>();
        for (final Map.Entry<String, double[]> e : edges.entrySet())
        {
            final String[] ends = e.getKey().split("\u0000", 2);
            edgeRows.add(new EdgeRow(ends[0], ends[1], (long)e.getValue()[0], e.getValue()[1], e.getValue()[2]));
        }
        final long[] totalsNow = totals(plan, now);
        final long[] totalsBefore = before == null ? totalsNow : totals(plan, before);
        final double doneRate = seconds == 0 ? 0 : (totalsNow[1] - totalsBefore[1]) / seconds;
        return new RunView(rows, edgeRows, totalsNow[0], totalsNow[1], doneRate);
    }

    private static ReplicaRow row(
        final ReplicaSample s, final ReplicaSample b, final double seconds, final long nowMs, final String host, final String hostState)
    {
        final double in = rate(s, b, CounterType.TIMESLICES_IN, seconds);
        final double out = rate(s, b, CounterType.TIMESLICES_OUT, seconds);
        final double mbIn = rate(s, b, CounterType.BYTES_IN, seconds) / 1e6;
        final double mbOut = rate(s, b, CounterType.BYTES_OUT, seconds) / 1e6;
        final double bp = Math.min(100, rate(s, b, CounterType.BACK_PRESSURE_NS, seconds) / 1e7);
        final double idle = Math.min(100, rate(s, b, CounterType.IDLE_NS, seconds) / 1e7);
        final long heartbeat = s.get(CounterType.HEARTBEAT_MS);
        final long gpu = s.get(CounterType.GPU_BUSY_PERMILLE);
        return new ReplicaRow(s.device(), s.replica(), host, hostState, s.state().name(), s.get(CounterType.PAUSED) != 0,
            s.get(CounterType.TIMESLICES_IN), s.get(CounterType.TIMESLICES_OUT), in, out, mbIn, mbOut,
            s.get(CounterType.PROCESSING_P50_NS), s.get(CounterType.PROCESSING_P99_NS), bp, idle,
            s.get(CounterType.CPU_PERMILLE) / 10.0, s.get(CounterType.RSS_BYTES), gpu > 0 ? gpu / 10.0 : -1,
            s.get(CounterType.PID), s.get(CounterType.EXIT_CODE), heartbeat > 0 ? nowMs - heartbeat : -1,
            s.get(CounterType.ERRORS));
    }

    private static double rate(final ReplicaSample now, final ReplicaSample before, final CounterType type, final double seconds)
    {
        return before == null || seconds == 0 ? 0 : Math.max(0, now.get(type) - before.get(type)) / seconds;
    }

    private static RouteSample routeOf(final ReplicaSample s, final int index)
    {
        for (final RouteSample r : s.routes())
        {
            if (r.routeIndex() == index)
            {
                return r;
            }
        }
        return null;
    }

    /** {produced, done}: as the run summary counts them. */
    private static long[] totals(final Plan plan, final CountersSnapshot snapshot)
    {
        return totals(plan, (device, type) ->
        {
            long sum = 0;
            for (final ReplicaSample s : snapshot.replicas())
            {
                if (s.device().equals(device))
                {
                    sum += s.get(type);
                }
            }
            return sum;
        });
    }

    /**
     * {produced, done} from {@code sum} (a device's counter summed over its replicas): produced is the most any source
     * sent, done the fewest any sink took in (all produced when there is no sink but the sources).
     */
    public static long[] totals(final Plan plan, final ToLongBiFunction<String, CounterType> sum)
    {
        long produced = 0;
        long done = -1;
        for (final PlannedDevice device : plan.devices())
        {
            if (device.isSource())
            {
                produced = Math.max(produced, sum.applyAsLong(device.name(), CounterType.TIMESLICES_OUT));
            }
            if (device.isSink() && !device.isSource())
            {
                final long in = sum.applyAsLong(device.name(), CounterType.TIMESLICES_IN);
                done = done < 0 ? in : Math.min(done, in);
            }
        }
        return new long[] {produced, Math.max(0, done < 0 ? produced : done)};
    }
}
