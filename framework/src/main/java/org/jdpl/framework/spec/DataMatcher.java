package org.jdpl.framework.spec;

/**
 * A pattern over {@link DataSpec}s: each part either fixed or open. Written {@code TRK/CLUSTERS/0},
 * {@code TRK/CLUSTERS} (any subSpec), {@code TRK/*} or {@code *}/{@code *}.
 *
 * @param origin      fixed origin, or {@code null} for any
 * @param description fixed description, or {@code null} for any
 * @param subSpec     fixed subSpec, or {@code -1} for any
 */
public record DataMatcher(String origin, String description, long subSpec)
{
    public static final long ANY_SUBSPEC = -1;

    public DataMatcher
    {
        if (origin != null)
        {
            SpecParser.checkOrigin(origin);
        }
        if (description != null)
        {
            SpecParser.checkDescription(description);
        }
        if (subSpec != ANY_SUBSPEC)
        {
            SpecParser.checkSubSpec(subSpec);
        }
    }

    public static DataMatcher parse(final String text)
    {
        return SpecParser.parseMatcher(text);
    }

    /** A matcher that accepts exactly {@code spec}. */
    public static DataMatcher exactly(final DataSpec spec)
    {
        return new DataMatcher(spec.origin(), spec.description(), spec.subSpec());
    }

    public boolean matches(final DataSpec spec)
    {
        return (origin == null || origin.equals(spec.origin())) &&
            (description == null || description.equals(spec.description())) &&
            (subSpec == ANY_SUBSPEC || subSpec == spec.subSpec());
    }

    /** True when this matcher names exactly one concrete spec. */
    public boolean isConcrete()
    {
        return origin != null && description != null && subSpec != ANY_SUBSPEC;
    }

    @Override
    public String toString()
    {
        final String o = origin == null ? "*" : origin;
        final String d = description == null ? "*" : description;
        return subSpec == ANY_SUBSPEC ? o + "/" + d : o + "/" + d + "/" + subSpec;
    }
}
