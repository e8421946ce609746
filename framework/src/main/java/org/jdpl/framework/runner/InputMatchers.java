package org.jdpl.framework.runner;

import java.util.List;

import org.jdpl.framework.spec.DataMatcher;
import org.jdpl.framework.spec.DataSpec;
import org.jdpl.framework.spec.InputSpec;
import org.jdpl.transport.DataHeaderFlyweight;

/**
 * A device's input matchers compiled to raw header words, so that finding the input a message
 * belongs to compares a few ints and longs and allocates nothing. The first matching input wins.
 */
final class InputMatchers
{
    private static final long ANY = DataMatcher.ANY_SUBSPEC;

    private final int count;
    private final boolean[] anyOrigin;
    private final int[] origin;
    private final boolean[] anyDescription;
    private final long[] descriptionLow;
    private final long[] descriptionHigh;
    private final long[] subSpec;
    /** Per input, the last spec seen and its raw words: one DataSpec per distinct spec, not per message. */
    private final DataSpec[] lastSpec;
    private final int[] lastOrigin;
    private final long[] lastDescriptionLow;
    private final long[] lastDescriptionHigh;
    private final long[] lastSubSpec;

    InputMatchers(final List<InputSpec> inputs)
    {
        count = inputs.size();
        anyOrigin = new boolean[count];
        origin = new int[count];
        anyDescription = new boolean[count];
        descriptionLow = new long[count];
        descriptionHigh = new long[count];
        subSpec = new long[count];
        lastSpec = new DataSpec[count];
        lastOrigin = new int[count];
        lastDescriptionLow = new long[count];
        lastDescriptionHigh = new long[count];
        lastSubSpec = new long[count];
        for (int i = 0; i < count; i++)
        {
            final DataMatcher matcher = inputs.get(i).matcher();
            anyOrigin[i] = matcher.origin() == null;
            origin[i] = anyOrigin[i] ? 0 : DataHeaderFlyweight.rawOrigin(matcher.origin());
            anyDescription[i] = matcher.description() == null;
            descriptionLow[i] = anyDescription[i] ? 0 : DataHeaderFlyweight.rawDescriptionLow(matcher.description());
            descriptionHigh[i] = anyDescription[i] ? 0 : DataHeaderFlyweight.rawDescriptionHigh(matcher.description());
            subSpec[i] = matcher.subSpec();
        }
    }

    /** The index of the first input matching the header, or -1. */
    int match(final DataHeaderFlyweight header)
    {
        final int rawOrigin = header.dataOriginRaw();
        final long rawLow = header.dataDescriptionRawLow();
        final long rawHigh = header.dataDescriptionRawHigh();
        final long rawSubSpec = header.subSpecification();
        for (int i = 0; i < count; i++)
        {
            if ((anyOrigin[i] || origin[i] == rawOrigin) &&
                (anyDescription[i] || (descriptionLow[i] == rawLow && descriptionHigh[i] == rawHigh)) &&
                (subSpec[i] == ANY || subSpec[i] == rawSubSpec))
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * The concrete spec of a message that matched input {@code index}; null when its origin or
     * description are not valid spec text (only possible through an open matcher).
     */
    DataSpec spec(final int index, final DataHeaderFlyweight header)
    {
        final int rawOrigin = header.dataOriginRaw();
        final long rawLow = header.dataDescriptionRawLow();
        final long rawHigh = header.dataDescriptionRawHigh();
        final long rawSubSpec = header.subSpecification();
        final DataSpec last = lastSpec[index];
        if (last != null && lastOrigin[index] == rawOrigin && lastDescriptionLow[index] == rawLow &&
            lastDescriptionHigh[index] == rawHigh && lastSubSpec[index] == rawSubSpec)
        {
            return last;
        }
        final DataSpec spec;
        try
        {
            spec = new DataSpec(header.dataOrigin(), header.dataDescription(), rawSubSpec);
        }
        catch (final IllegalArgumentException e)
        {
            return null;
        }
        lastSpec[index] = spec;
        lastOrigin[index] = rawOrigin;
        lastDescriptionLow[index] = rawLow;
        lastDescriptionHigh[index] = rawHigh;
        lastSubSpec[index] = rawSubSpec;
        return spec;
    }
}
