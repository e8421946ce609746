package org.jdpl.framework.driver;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.Route;
import org.jdpl.framework.run.DeviceReport;
import org.jdpl.framework.run.TimesliceDrop;

/**
 * Accounts for every timeslice of a run from the device reports: sources produced ids
 * {@code 0 .. n-1}; a timeslice is completed when every sink device completed it; otherwise it was
 * dropped by a device that says why, or lost with a device that died (the crashes the supervisor
 * saw, on the timeslice's way). A loss with neither is reported as unexplained, so that nothing disappears silently. A run
 * that spans hosts is accounted for once, on the launching host, from every host's reports.
 */
public final class TimesliceAccounting
{
    public static final int MAX_LISTED = 1_000;
    /** How the reason of a loss nothing explains starts. */
    public static final String UNEXPLAINED = "unexplained";

    private final Plan plan;
    private final Map<String, List<DeviceReport>> reports = new HashMap<>();
    private final List<String> crashes;

    /** @param crashes devices that died during the run, as {@code name#replica}, in order */
    public TimesliceAccounting(final Plan plan, final List<String> crashes)
    {
        this.plan = plan;
        this.crashes = crashes;
    }

    public void add(final String device, final DeviceReport report)
    {
        if (report != null)
        {
            reports.computeIfAbsent(device, d -> new ArrayList<>()).add(report);
        }
    }

    public TimesliceTotals totals()
    {
        long produced = 0;
        for (final PlannedDevice device : plan.devices())
        {
            if (device.isSource() && producesTimeslices(device))
            {
                long out = 0;
                for (final DeviceReport r : reports.getOrDefault(device.name(), List.of()))
                {
                    out += r.timeslicesOut();
                }
                produced = Math.max(produced, out);
            }
        }
        // A source that died reports what its counters last showed; what reached a sink was produced all the same.
        produced = Math.max(produced, highestSeen() + 1);
        final int n = (int)Math.min(produced, Integer.MAX_VALUE - 1);
        final BitSet completed = completedBySinks(n);
        final Map<Long, TimesliceLoss> dropped = droppedByDevices(completed, n);

        final List<TimesliceLoss> losses = new ArrayList<>();
        long lost = 0;
        long unexplained = 0;
        long listedOrNot = 0;
        for (int t = completed.nextClearBit(0); t < n; t = completed.nextClearBit(t + 1))
        {
            TimesliceLoss loss = dropped.get((long)t);
            if (loss == null)
            {
                lost++;
                loss = lostAt(t);
                unexplained += loss.reason().startsWith(UNEXPLAINED) ? 1 : 0;
            }
            listedOrNot++;
            if (losses.size() < MAX_LISTED)
            {
                losses.add(loss);
            }
        }
        final long completedCount = completed.cardinality();
        return new TimesliceTotals(produced, completedCount, listedOrNot - lost, lost, losses, listedOrNot - losses.size(), unexplained);
    }

    /**
     * Where timeslice {@code t} was lost: at the replicas that died on its way (replica {@code t mod
     * N} of each device, as timeslices are dealt). A loss with no death on its way is unexplained,
     * so that a timeslice lost by the framework is never blamed on an unrelated crash.
     */
    private TimesliceLoss lostAt(final long t)
    {
        final List<String> onItsWay = new ArrayList<>();
        for (final String crash : crashes)
        {
            if (onTheWayOf(crash, t))
            {
                onItsWay.add(crash);
            }
        }
        if (onItsWay.isEmpty())
        {
            return new TimesliceLoss(t, crashes.isEmpty() ? "?" : String.join(", ", crashes),
                crashes.isEmpty() ? UNEXPLAINED + ": no device reported dropping it and none died (please report this)" :
                    UNEXPLAINED + ": no device reported dropping it and none on its way died (please report this)");
        }
        return new TimesliceLoss(t, String.join(", ", onItsWay),
            "in flight when " + (onItsWay.size() == 1 ? "this device" : "these devices") + " died");
    }

    /** Whether {@code crash} ({@code device#replica}, maybe followed by where) is a replica timeslice {@code t} is dealt to. */
    private boolean onTheWayOf(final String crash, final long t)
    {
        final int hash = crash.indexOf('#');
        if (hash < 0)
        {
            return true; // not a replica (a group, a host): it may have held anything
        }
        int end = hash + 1;
        while (end < crash.length() && Character.isDigit(crash.charAt(end)))
        {
            end++;
        }
        final PlannedDevice device = plan.devices().stream().filter(d -> d.name().equals(crash.substring(0, hash))).findFirst().orElse(null);
        if (device == null || end == hash + 1)
        {
            return true;
        }
        return Long.remainderUnsigned(t, device.replicas()) == Long.parseLong(crash.substring(hash + 1, end));
    }

    /**
     * A source that only feeds condition inputs makes calibrations, not timeslices: its ids are
     * versions, held by the consumers, never completed by a sink.
     */
    private boolean producesTimeslices(final PlannedDevice source)
    {
        if (source.routes().isEmpty())
        {
            return true;
        }
        for (final Route route : source.routes())
        {
            if (!route.condition())
            {
                return true;
            }
        }
        return false;
    }

    private long highestSeen()
    {
        long highest = -1;
        for (final List<DeviceReport> replicas : reports.values())
        {
            for (final DeviceReport r : replicas)
            {
                final List<Long> ranges = r.completedRanges() == null ? List.of() : r.completedRanges();
                if (!ranges.isEmpty())
                {
                    highest = Math.max(highest, ranges.get(ranges.size() - 1));
                }
                for (final TimesliceDrop drop : r.drops() == null ? List.<TimesliceDrop>of() : r.drops())
                {
                    highest = Math.max(highest, drop.timeslice());
                }
            }
        }
        return highest;
    }

    /** Ids every sink device completed (a sink's replicas together); all produced ids when there is no sink. */
    private BitSet completedBySinks(final int n)
    {
        final BitSet all = new BitSet(n);
        all.set(0, n);
        for (final PlannedDevice device : plan.devices())
        {
            if (!device.isSink() || device.isSource())
            {
                continue;
            }
            final BitSet sink = new BitSet(n);
            for (final DeviceReport r : reports.getOrDefault(device.name(), List.of()))
            {
                final List<Long> ranges = r.completedRanges() == null ? List.of() : r.completedRanges();
                for (int i = 0; i + 1 < ranges.size(); i += 2)
                {
                    final long from = Math.min(ranges.get(i), n);
                    final long to = Math.min(ranges.get(i + 1) + 1, n);
                    sink.set((int)from, (int)to);
                }
            }
            all.and(sink);
        }
        return all;
    }

    private Map<Long, TimesliceLoss> droppedByDevices(final BitSet completed, final int n)
    {
        final Map<Long, TimesliceLoss> dropped = new HashMap<>();
        for (final Map.Entry<String, List<DeviceReport>> e : reports.entrySet())
        {
            for (final DeviceReport r : e.getValue())
            {
                for (final TimesliceDrop drop : r.drops() == null ? List.<TimesliceDrop>of() : r.drops())
                {
                    final long t = drop.timeslice();
                    if (t >= 0 && t < n && !completed.get((int)t))
                    {
                        dropped.putIfAbsent(t, new TimesliceLoss(t, e.getKey() + "#" + r.replica(), drop.reason()));
                    }
                }
            }
        }
        return dropped;
    }
}
