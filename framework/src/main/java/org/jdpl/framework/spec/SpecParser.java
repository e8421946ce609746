package org.jdpl.framework.spec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the string forms of specs, pointing at the first bad character:
 * <pre>
 *   input   = label ':' matcher [ '?' param { '&amp;' param } ]
 *   output  = label ':' spec    [ '?' param { '&amp;' param } ]
 *   matcher = part '/' part [ '/' sub ]      part = '*' | [A-Z0-9_]+      sub = '*' | uint32
 *   param   = 'lifetime=' ( timeframe | optional | sporadic | condition | timer )
 *           | 'period=' duration      (timer inputs only, required there: 100ms, 2s; at least 1ms)
 *           | 'ticks=' uint           (timer inputs only: end of stream after that many; 0 = until stopped)
 * </pre>
 */
public final class SpecParser
{
    private static final int MAX_LABEL_LENGTH = 32;
    private static final Pattern DURATION = Pattern.compile("([0-9]+)(ns|us|ms|s|m)");

    private final String text;
    private int pos;

    private SpecParser(final String text)
    {
        if (text == null)
        {
            throw new SpecSyntaxException("", 0, "a spec is required");
        }
        this.text = text;
    }

    public static InputSpec parseInput(final String text)
    {
        final SpecParser p = new SpecParser(text);
        final String label = p.label();
        final DataMatcher matcher = p.matcher(true);
        final Params params = p.params(true);
        return new InputSpec(label, matcher, params.lifetime(), params.timer());
    }

    public static OutputSpec parseOutput(final String text)
    {
        final SpecParser p = new SpecParser(text);
        final String label = p.label();
        final DataMatcher m = p.matcher(false);
        final Lifetime lifetime = p.params(false).lifetime();
        return new OutputSpec(label, new DataSpec(m.origin(), m.description(), m.subSpec() == DataMatcher.ANY_SUBSPEC ? 0 : m.subSpec()), lifetime);
    }

    public static DataMatcher parseMatcher(final String text)
    {
        final SpecParser p = new SpecParser(text);
        final DataMatcher matcher = p.matcher(true);
        p.expectEnd();
        return matcher;
    }

    public static DataSpec parseDataSpec(final String text)
    {
        final SpecParser p = new SpecParser(text);
        final DataMatcher m = p.matcher(false);
        p.expectEnd();
        return new DataSpec(m.origin(), m.description(), m.subSpec() == DataMatcher.ANY_SUBSPEC ? 0 : m.subSpec());
    }

    private String label()
    {
        final int colon = text.indexOf(':');
        if (colon < 0)
        {
            throw new SpecSyntaxException(text, text.length(), "expected 'label:ORIGIN/DESCRIPTION[/SUBSPEC]', no ':' found");
        }
        final String label = text.substring(0, colon);
        final int bad = badLabelChar(label);
        if (label.isEmpty())
        {
            throw new SpecSyntaxException(text, 0, "empty label before ':'");
        }
        if (bad >= 0)
        {
            throw new SpecSyntaxException(text, bad, labelRule());
        }
        if (label.length() > MAX_LABEL_LENGTH)
        {
            throw new SpecSyntaxException(text, MAX_LABEL_LENGTH, "label longer than " + MAX_LABEL_LENGTH + " characters");
        }
        pos = colon + 1;
        return label;
    }

    private DataMatcher matcher(final boolean wildcardsAllowed)
    {
        final String origin = part(DataSpec.MAX_ORIGIN_LENGTH, "origin", wildcardsAllowed);
        expect('/', "'/' after the origin");
        final String description = part(DataSpec.MAX_DESCRIPTION_LENGTH, "description", wildcardsAllowed);
        long subSpec = DataMatcher.ANY_SUBSPEC;
        if (pos < text.length() && text.charAt(pos) == '/')
        {
            pos++;
            subSpec = subSpec(wildcardsAllowed);
        }
        if (pos < text.length() && text.charAt(pos) != '?')
        {
            throw new SpecSyntaxException(text, pos, "unexpected '" + text.charAt(pos) + "' after the spec");
        }
        return new DataMatcher(origin, description, subSpec);
    }

    private String part(final int maxLength, final String what, final boolean wildcardsAllowed)
    {
        final int start = pos;
        if (pos < text.length() && text.charAt(pos) == '*')
        {
            if (!wildcardsAllowed)
            {
                throw new SpecSyntaxException(text, pos, "an output needs a concrete " + what + ", not '*'");
            }
            pos++;
            return null;
        }
        while (pos < text.length() && isSpecChar(text.charAt(pos)))
        {
            pos++;
        }
        if (pos == start)
        {
            final String found = pos < text.length() ? "'" + text.charAt(pos) + "'" : "the end";
            throw new SpecSyntaxException(text, pos,
                "expected the " + what + " (A-Z, 0-9, _" + (wildcardsAllowed ? ", or *" : "") + "), found " + found);
        }
        if (pos - start > maxLength)
        {
            throw new SpecSyntaxException(text, start + maxLength, what + " longer than " + maxLength + " characters");
        }
        return text.substring(start, pos);
    }

    private long subSpec(final boolean wildcardsAllowed)
    {
        final int start = pos;
        if (pos < text.length() && text.charAt(pos) == '*')
        {
            if (!wildcardsAllowed)
            {
                throw new SpecSyntaxException(text, pos, "an output needs a concrete subSpec, not '*'");
            }
            pos++;
            return DataMatcher.ANY_SUBSPEC;
        }
        long value = 0;
        while (pos < text.length() && Character.isDigit(text.charAt(pos)))
        {
            value = value * 10 + (text.charAt(pos) - '0');
            if (value > DataSpec.MAX_SUBSPEC)
            {
                throw new SpecSyntaxException(text, pos, "subSpec larger than 4294967295 (it is a uint32)");
            }
            pos++;
        }
        if (pos == start)
        {
            final String found = pos < text.length() ? "'" + text.charAt(pos) + "'" : "the end";
            throw new SpecSyntaxException(text, pos, "expected the subSpec (a number 0..4294967295), found " + found);
        }
        return value;
    }

    /** What follows '?': the lifetime and, for a timer, its clock. */
    private record Params(Lifetime lifetime, TimerSpec timer)
    {
    }

    private Params params(final boolean input)
    {
        Lifetime lifetime = Lifetime.TIMEFRAME;
        long periodNanos = -1;
        int periodAt = -1;
        long ticks = 0;
        int ticksAt = -1;
        if (pos == text.length())
        {
            return new Params(lifetime, null);
        }
        expect('?', "'?' before parameters");
        while (true)
        {
            final int keyStart = pos;
            while (pos < text.length() && text.charAt(pos) != '=' && text.charAt(pos) != '&')
            {
                pos++;
            }
            final String key = text.substring(keyStart, pos);
            if (!"lifetime".equals(key) && !(input && ("period".equals(key) || "ticks".equals(key))))
            {
                throw new SpecSyntaxException(text, keyStart, "unknown parameter '" + key + "' (" +
                    (input ? "lifetime, and for a timer period and ticks" : "an output has only 'lifetime'") + ")");
            }
            expect('=', "'=' after '" + key + "'");
            final int valueStart = pos;
            while (pos < text.length() && text.charAt(pos) != '&')
            {
                pos++;
            }
            final String value = text.substring(valueStart, pos);
            switch (key)
            {
                case "period" ->
                {
                    periodNanos = durationNanos(value, valueStart);
                    periodAt = keyStart;
                }
                case "ticks" ->
                {
                    ticks = count(value, valueStart);
                    ticksAt = keyStart;
                }
                default ->
                {
                    lifetime = Lifetime.fromText(value);
                    if (lifetime == null)
                    {
                        throw new SpecSyntaxException(text, valueStart,
                            "unknown lifetime '" + value + "' (timeframe, optional, sporadic, condition, timer)");
                    }
                }
            }
            if (pos == text.length())
            {
                break;
            }
            pos++;
        }
        if (lifetime != Lifetime.TIMER)
        {
            if (periodAt >= 0 || ticksAt >= 0)
            {
                throw new SpecSyntaxException(text, Math.max(periodAt, ticksAt),
                    "'" + (periodAt >= 0 ? "period" : "ticks") + "' belongs to a timer input (?lifetime=timer&period=100ms)");
            }
            return new Params(lifetime, null);
        }
        if (periodAt < 0)
        {
            throw new SpecSyntaxException(text, text.length(), "a timer input needs its period, e.g. ?lifetime=timer&period=100ms");
        }
        return new Params(lifetime, new TimerSpec(periodNanos, ticks));
    }

    /** {@code 100ms}, {@code 2s}, {@code 500us}: a whole number and a unit, at least 1 ms. */
    private long durationNanos(final String value, final int at)
    {
        final Matcher m = DURATION.matcher(value);
        if (!m.matches())
        {
            throw new SpecSyntaxException(text, at, "bad period '" + value + "': write a whole number and a unit (ns, us, ms, s, m), e.g. 100ms");
        }
        final long amount;
        try
        {
            amount = Long.parseLong(m.group(1));
        }
        catch (final NumberFormatException e)
        {
            throw new SpecSyntaxException(text, at, "bad period '" + value + "': the number is too large");
        }
        final long unitNanos = switch (m.group(2))
        {
            case "ns" -> 1L;
            case "us" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            default -> 60_000_000_000L;
        };
        if (amount > Long.MAX_VALUE / unitNanos)
        {
            throw new SpecSyntaxException(text, at, "bad period '" + value + "': too long");
        }
        final long nanos = amount * unitNanos;
        if (nanos < TimerSpec.MIN_PERIOD_NANOS)
        {
            throw new SpecSyntaxException(text, at, "period '" + value + "' is shorter than 1ms, the finest a timer keeps");
        }
        return nanos;
    }

    private long count(final String value, final int at)
    {
        try
        {
            final long n = Long.parseLong(value);
            if (n >= 0)
            {
                return n;
            }
        }
        catch (final NumberFormatException e)
        {
            // reported below, with the rule
        }
        throw new SpecSyntaxException(text, at, "bad ticks '" + value + "': a whole number >= 0 (0: until the run is stopped)");
    }

    private void expect(final char c, final String what)
    {
        if (pos >= text.length() || text.charAt(pos) != c)
        {
            final String found = pos < text.length() ? "'" + text.charAt(pos) + "'" : "the end";
            throw new SpecSyntaxException(text, pos, "expected " + what + ", found " + found);
        }
        pos++;
    }

    private void expectEnd()
    {
        if (pos != text.length())
        {
            throw new SpecSyntaxException(text, pos, "unexpected '" + text.charAt(pos) + "' after the spec");
        }
    }

    private static boolean isSpecChar(final char c)
    {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static int badLabelChar(final String label)
    {
        for (int i = 0; i < label.length(); i++)
        {
            final char c = label.charAt(i);
            final boolean ok = Character.isLetter(c) && c < 128 ||
                i > 0 && (Character.isDigit(c) || c == '_' || c == '-');
            if (!ok)
            {
                return i;
            }
        }
        return -1;
    }

    private static String labelRule()
    {
        return "a label starts with a letter and holds letters, digits, '_' or '-'";
    }

    // Checks used by the records' constructors, so that no malformed spec exists in memory.

    static void checkLabel(final String label)
    {
        if (label == null || label.isEmpty() || label.length() > MAX_LABEL_LENGTH || badLabelChar(label) >= 0)
        {
            throw new IllegalArgumentException("bad label '" + label + "': " + labelRule() + ", at most " + MAX_LABEL_LENGTH);
        }
    }

    static void checkOrigin(final String origin)
    {
        checkPart(origin, DataSpec.MAX_ORIGIN_LENGTH, "origin");
    }

    static void checkDescription(final String description)
    {
        checkPart(description, DataSpec.MAX_DESCRIPTION_LENGTH, "description");
    }

    static void checkSubSpec(final long subSpec)
    {
        if (subSpec < 0 || subSpec > DataSpec.MAX_SUBSPEC)
        {
            throw new IllegalArgumentException("subSpec " + subSpec + " outside 0..4294967295");
        }
    }

    private static void checkPart(final String part, final int maxLength, final String what)
    {
        if (part == null || part.isEmpty() || part.length() > maxLength)
        {
            throw new IllegalArgumentException(what + " '" + part + "' must be 1.." + maxLength + " characters");
        }
        for (int i = 0; i < part.length(); i++)
        {
            if (!isSpecChar(part.charAt(i)))
            {
                throw new IllegalArgumentException(what + " '" + part + "' may hold only A-Z, 0-9 and _");
            }
        }
    }
}
