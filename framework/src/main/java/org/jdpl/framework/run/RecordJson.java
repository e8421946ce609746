package org.jdpl.framework.run;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

/**
 * A record as JSON, by its components, in plain JDK code: what a device process writes its report with
 * (read back by the Driver with Jackson), so that a device JVM loads no JSON library. Values: records,
 * lists, maps (keys as strings), strings, numbers, booleans, enums, null. Non-finite doubles are
 * written as strings ({@code "NaN"}), as Jackson writes them.
 */
public final class RecordJson
{
    private RecordJson()
    {
    }

    public static String of(final Object value)
    {
        final StringBuilder out = new StringBuilder(256);
        append(out, value);
        return out.append('\n').toString();
    }

    private static void append(final StringBuilder out, final Object value)
    {
        switch (value)
        {
            case null -> out.append("null");
            case String s -> string(out, s);
            case Double d when d.isNaN() || d.isInfinite() -> string(out, d.toString());
            case Float f when f.isNaN() || f.isInfinite() -> string(out, f.toString());
            case Number n -> out.append(n);
            case Boolean b -> out.append(b);
            case Enum<?> e -> string(out, e.name());
            case List<?> list -> list(out, list);
            case Map<?, ?> map -> map(out, map);
            case Record r -> record(out, r);
            default -> throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    private static void list(final StringBuilder out, final List<?> list)
    {
        out.append('[');
        for (int i = 0; i < list.size(); i++)
        {
            out.append(i == 0 ? "" : ",");
            append(out, list.get(i));
        }
        out.append(']');
    }

    private static void map(final StringBuilder out, final Map<?, ?> map)
    {
        out.append('{');
        boolean first = true;
        for (final Map.Entry<?, ?> entry : map.entrySet())
        {
            out.append(first ? "" : ",");
            first = false;
            string(out, String.valueOf(entry.getKey()));
            out.append(':');
            append(out, entry.getValue());
        }
        out.append('}');
    }

    private static void record(final StringBuilder out, final Record record)
    {
        out.append('{');
        boolean first = true;
        for (final RecordComponent component : record.getClass().getRecordComponents())
        {
            out.append(first ? "\n  " : ",\n  ");
            first = false;
            string(out, component.getName());
            out.append(" : ");
            try
            {
                append(out, component.getAccessor().invoke(record));
            }
            catch (final IllegalAccessException | InvocationTargetException e)
            {
                throw new IllegalStateException("cannot read " + component + " of " + record.getClass().getName(), e);
            }
        }
        out.append(first ? "}" : "\n}");
    }

    private static void string(final StringBuilder out, final String s)
    {
        out.append('"');
        for (int i = 0; i < s.length(); i++)
        {
            final char c = s.charAt(i);
            switch (c)
            {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default ->
                {
                    if (c < 0x20)
                    {
                        out.append(String.format("\\u%04x", (int)c));
                    }
                    else
                    {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
