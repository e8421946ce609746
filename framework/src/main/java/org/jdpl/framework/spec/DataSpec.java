package org.jdpl.framework.spec;

/**
 * What a message is: a concrete {@code ORIGIN/DESCRIPTION/SUBSPEC}, as O2's DataHeader carries it.
 * Origin is 1..4 and description 1..16 characters of {@code [A-Z0-9_]}, subSpec an unsigned 32-bit
 * value held in a {@code long}.
 *
 * @param origin      e.g. {@code TRK}
 * @param description e.g. {@code CLUSTERS}
 * @param subSpec     0 .. 2^32-1
 */
public record DataSpec(String origin, String description, long subSpec)
{
    public static final int MAX_ORIGIN_LENGTH = 4;
    public static final int MAX_DESCRIPTION_LENGTH = 16;
    public static final long MAX_SUBSPEC = 0xFFFF_FFFFL;

    public DataSpec
    {
        SpecParser.checkOrigin(origin);
        SpecParser.checkDescription(description);
        SpecParser.checkSubSpec(subSpec);
    }

    /** Parses {@code ORIGIN/DESCRIPTION/SUBSPEC}; the subSpec may be omitted and then is 0. */
    public static DataSpec parse(final String text)
    {
        return SpecParser.parseDataSpec(text);
    }

    @Override
    public String toString()
    {
        return origin + "/" + description + "/" + subSpec;
    }
}
