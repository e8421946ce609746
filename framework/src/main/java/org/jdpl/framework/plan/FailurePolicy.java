package org.jdpl.framework.plan;

/**
 * What happens when a device fails.
 *
 * @param onCrash          when its process dies: stop the run, restart it, or carry on without it
 * @param restartMax       with RESTART: at most this many restarts within {@code restartWindowMs}, then the run stops
 * @param restartWindowMs  the sliding window restarts are counted in
 * @param onError          when {@code process} throws: fail the device, or drop that timeframe and go on
 * @param silentAfterMs    {@code silent-after}: a replica whose heartbeat has not moved for this long (while its
 *                         consumers' have) is killed by the Driver and treated as {@code onCrash} says; 0 = never
 */
public record FailurePolicy(OnCrash onCrash, int restartMax, long restartWindowMs, OnError onError, long silentAfterMs)
{
    public static final FailurePolicy DEFAULT = new FailurePolicy(OnCrash.STOP, 3, 60_000, OnError.FAIL, 0);

    /** Without a silence timeout. */
    public FailurePolicy(final OnCrash onCrash, final int restartMax, final long restartWindowMs, final OnError onError)
    {
        this(onCrash, restartMax, restartWindowMs, onError, 0);
    }

    /** {@code on-crash}. */
    public enum OnCrash
    {
        /** The run fails (the default). */
        STOP,
        /** The process is started again, within {@code restart.max} per {@code restart.window}. */
        RESTART,
        /** The run goes on without it; what it held is lost, with the reason. */
        EXPENDABLE
    }

    /** {@code on-error}. */
    public enum OnError
    {
        /** The device fails (and then {@code on-crash} applies). */
        FAIL,
        /** The timeframe is dropped with the exception as reason; the device goes on. */
        SKIP_TIMEFRAME
    }
}
