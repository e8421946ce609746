package org.jdpl.framework.plan;

/**
 * How fast sources may run ({@code rate-limit { }} in a topology): at most
 * {@code timeframesInFlight} timeframes produced but not yet done by every sink, and optionally
 * paced at the rate the sinks sustain instead of bursting up to the limit.
 *
 * @param timeframesInFlight the most timeframes in flight; 0 = no limit
 * @param smooth             pace sources at the measured completion rate (needs a limit)
 */
public record RateLimit(int timeframesInFlight, boolean smooth)
{
    /** No limit: sources run as fast as back-pressure lets them. */
    public static final RateLimit NONE = new RateLimit(0, false);

    public RateLimit
    {
        if (timeframesInFlight < 0)
        {
            throw new IllegalArgumentException("timeframesInFlight must be >= 0, got " + timeframesInFlight);
        }
    }

    /** Whether sources are held back at all. */
    public boolean limited()
    {
        return timeframesInFlight > 0;
    }
}
