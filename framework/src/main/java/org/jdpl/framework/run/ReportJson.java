package org.jdpl.framework.run;

import java.util.List;
import java.util.Map;

/**
 * A {@link DeviceReport} as JSON, written out by hand: what a device process writes its report with
 * (the Driver reads it back with Jackson), so that a device JVM loads no JSON library and spins no
 * reflection classes on its way out. Non-finite doubles are written as strings ({@code "NaN"}), as
 * Jackson writes them. A field added to the report must be added here (RunFilesTest round-trips one).
 */
final class ReportJson
{
    private ReportJson()
    {
    }

    static String of(final DeviceReport r)
    {
        final StringBuilder out = new StringBuilder(512).append('{');
        field(out, "device").append(quoted(r.device()));
        field(out, "replica").append(r.replica());
        field(out, "state").append(quoted(r.state()));
        field(out, "timeslicesIn").append(r.timeslicesIn());
        field(out, "timeslicesOut").append(r.timeslicesOut());
        field(out, "bytesIn").append(r.bytesIn());
        field(out, "bytesOut").append(r.bytesOut());
        field(out, "timeslicesDropped").append(r.timeslicesDropped());
        field(out, "errors").append(r.errors());
        field(out, "backPressureNanos").append(r.backPressureNanos());
        field(out, "failure").append(quoted(r.failure()));
        field(out, "metrics").append('{');
        if (r.metrics() != null)
        {
            boolean first = true;
            for (final Map.Entry<String, Double> metric : r.metrics().entrySet())
            {
                out.append(first ? "" : ",").append(quoted(metric.getKey())).append(':').append(number(metric.getValue()));
                first = false;
            }
        }
        out.append('}');
        field(out, "completedRanges").append('[');
        final List<Long> ranges = r.completedRanges() == null ? List.of() : r.completedRanges();
        for (int i = 0; i < ranges.size(); i++)
        {
            out.append(i == 0 ? "" : ",").append(ranges.get(i));
        }
        out.append(']');
        field(out, "drops").append('[');
        final List<TimesliceDrop> drops = r.drops() == null ? List.of() : r.drops();
        for (int i = 0; i < drops.size(); i++)
        {
            out.append(i == 0 ? "" : ",").append("{\"timeslice\":").append(drops.get(i).timeslice())
                .append(",\"reason\":").append(quoted(drops.get(i).reason())).append('}');
        }
        return out.append("]\n}\n").toString();
    }

    private static StringBuilder field(final StringBuilder out, final String name)
    {
        return out.append(out.length() == 1 ? "\n  \"" : ",\n  \"").append(name).append("\" : ");
    }

    private static String number(final Double value)
    {
        if (value == null)
        {
            return "null";
        }
        return value.isNaN() || value.isInfinite() ? quoted(value.toString()) : value.toString();
    }

    private static String quoted(final String s)
    {
        if (s == null)
        {
            return "null";
        }
        final StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++)
        {
            final char c = s.charAt(i);
            if (c == '"' || c == '\\')
            {
                out.append('\\').append(c);
            }
            else if (c < 0x20)
            {
                out.append(c == '\n' ? "\\n" : c == '\t' ? "\\t" : c == '\r' ? "\\r" : String.format("\\u%04x", (int)c));
            }
            else
            {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
