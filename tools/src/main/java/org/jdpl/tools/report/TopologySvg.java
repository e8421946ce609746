package org.jdpl.tools.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.Route;
import org.jdpl.tools.view.Units;

/**
 * The topology as an SVG drawing ({@code <svg id="topology-graph">}): devices in columns by their depth from the
 * sources (the longest path), each a box coloured by its state at the end (the worst of its replicas), edges from
 * producer to consumer labelled with the messages and bytes sent on them.
 */
final class TopologySvg
{
    private static final int BOX_W = 170;
    private static final int BOX_H = 54;
    private static final int COL_W = 250;
    private static final int ROW_H = 90;
    private static final int MARGIN = 20;
    private static final int LABEL_H = 12;

    private TopologySvg()
    {
    }

    /** What one edge carried: messages and payload bytes, all replicas together. */
    record EdgeTotals(long messages, long bytes)
    {
    }

    /**
     * @param states the end state of each device (STOPPED, FAILED, RUNNING, ...); a device missing is drawn unknown
     * @param edges  by {@code producer + "->" + consumer device}
     */
    static String draw(final Plan plan, final Map<String, String> states, final Map<String, EdgeTotals> edges)
    {
        final Map<String, Integer> depth = depths(plan);
        final Map<Integer, List<PlannedDevice>> columns = new HashMap<>();
        for (final PlannedDevice d : plan.devices())
        {
            columns.computeIfAbsent(depth.get(d.name()), k -> new ArrayList<>()).add(d);
        }
        final int mostConsumers = plan.devices().stream().mapToInt(d -> consumers(d).size()).max().orElse(0);
        final int rowH = Math.max(ROW_H, BOX_H + 24 + mostConsumers * LABEL_H); // room for the edge labels under each box
        final Map<String, int[]> at = new HashMap<>();
        int maxRows = 1;
        for (final Map.Entry<Integer, List<PlannedDevice>> c : columns.entrySet())
        {
            maxRows = Math.max(maxRows, c.getValue().size());
            for (int row = 0; row < c.getValue().size(); row++)
            {
                at.put(c.getValue().get(row).name(), new int[] {MARGIN + c.getKey() * COL_W, MARGIN + row * rowH});
            }
        }
        final int width = MARGIN * 2 + (columns.size() - 1) * COL_W + BOX_W;
        final int height = MARGIN * 2 + maxRows * rowH;
        final StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg id=\"topology-graph\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" " +
            "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", width, height, width, height));
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" " +
            "orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/></marker></defs>\n");
        final StringBuilder labels = new StringBuilder(); // over every edge, so that no line crosses a label
        for (final PlannedDevice producer : plan.devices())
        {
            final List<String> consumers = consumers(producer);
            for (int k = 0; k < consumers.size(); k++)
            {
                edge(svg, labels, producer.name(), consumers.get(k), k, at, rowH - BOX_H, edges.get(producer.name() + "->" + consumers.get(k)));
            }
        }
        svg.append(labels);
        for (final PlannedDevice d : plan.devices())
        {
            box(svg, d, at.get(d.name()), states.getOrDefault(d.name(), "UNKNOWN"));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** The {@code k}-th edge of its producer: labels stack under the producer's box, so no two overlap. */
    private static void edge(final StringBuilder svg, final StringBuilder labels, final String from, final String to, final int k, final Map<String, int[]> at,
        final int rowGap, final EdgeTotals totals)
    {
        final int[] a = at.get(from);
        final int[] b = at.get(to);
        if (a == null || b == null)
        {
            return;
        }
        final double x2 = b[0];
        final double y2 = b[1] + BOX_H / 2.0;
        if (b[0] - a[0] > COL_W)
        {
            // Past a column: from the producer's bottom, below the boxes between, so it does not look like theirs.
            final double x1 = a[0] + BOX_W - 12;
            final double y1 = a[1] + BOX_H;
            final double below = Math.max(a[1], b[1]) + BOX_H + rowGap;
            svg.append(String.format(Locale.ROOT, "<path class=\"edge\" d=\"M %.1f %.1f C %.1f %.1f, %.1f %.1f, %.1f %.1f\" fill=\"none\" " +
                "stroke=\"#555\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>%n", x1, y1, x1 + 30, below, x2 - 60, below, x2, y2));
        }
        else
        {
            final double x1 = a[0] + BOX_W;
            final double y1 = a[1] + BOX_H / 2.0;
            final double bend = Math.max(40, (x2 - x1) / 2);
            svg.append(String.format(Locale.ROOT, "<path class=\"edge\" d=\"M %.1f %.1f C %.1f %.1f, %.1f %.1f, %.1f %.1f\" fill=\"none\" " +
                "stroke=\"#555\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>%n", x1, y1, x1 + bend, y1, x2 - bend, y2, x2, y2));
        }
        final String label = "\u2192 " + to + ": " + (totals == null ? "no messages" : totals.messages() + " msg, " + Units.bytes(totals.bytes()));
        labels.append(String.format(Locale.ROOT, "<text class=\"edge-label\" x=\"%d\" y=\"%d\" fill=\"#333\" font-size=\"10\" stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\">%s</text>%n",
            a[0] + 4, a[1] + BOX_H + 12 + k * LABEL_H, escape(label)));
    }

    private static void box(final StringBuilder svg, final PlannedDevice d, final int[] at, final String state)
    {
        svg.append(String.format(Locale.ROOT, "<g class=\"device\" data-device=\"%s\" data-state=\"%s\">" +
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"8\" fill=\"%s\" stroke=\"#333\"/>", escape(d.name()), escape(state),
            at[0], at[1], BOX_W, BOX_H, colour(state)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\">%s%s</text>",
            at[0] + BOX_W / 2, at[1] + 18, escape(d.name()), d.replicas() > 1 ? " \u00d7" + d.replicas() : ""));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#333\">%s</text>",
            at[0] + BOX_W / 2, at[1] + 33, escape(d.type())));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#333\" font-size=\"11\">%s</text></g>%n",
            at[0] + BOX_W / 2, at[1] + 48, escape(state.toLowerCase(Locale.ROOT))));
    }

    /** Green when it ended cleanly, red when it failed, amber when it had not ended (the run was cut short), grey unknown. */
    static String colour(final String state)
    {
        return switch (state)
        {
            case "STOPPED" -> "#c8e6c9";
            case "FAILED" -> "#ef9a9a";
            case "INITIALIZING", "READY", "RUNNING", "ENDING" -> "#ffe082";
            default -> "#e0e0e0";
        };
    }

    private static List<String> consumers(final PlannedDevice producer)
    {
        final List<String> consumers = new ArrayList<>();
        for (final Route route : producer.routes())
        {
            if (!consumers.contains(route.consumer()))
            {
                consumers.add(route.consumer());
            }
        }
        return consumers;
    }

    /** The longest path from a source to each device (at most the number of devices, cycles or not). */
    private static Map<String, Integer> depths(final Plan plan)
    {
        final Map<String, Integer> depth = new HashMap<>();
        plan.devices().forEach(d -> depth.put(d.name(), 0));
        for (int round = 0; round < plan.devices().size(); round++)
        {
            boolean changed = false;
            for (final PlannedDevice producer : plan.devices())
            {
                for (final String consumer : consumers(producer))
                {
                    final int wanted = depth.get(producer.name()) + 1;
                    if (depth.containsKey(consumer) && depth.get(consumer) < wanted && wanted < plan.devices().size())
                    {
                        depth.put(consumer, wanted);
                        changed = true;
                    }
                }
            }
            if (!changed)
            {
                break;
            }
        }
        return depth;
    }

    static String escape(final String text)
    {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
