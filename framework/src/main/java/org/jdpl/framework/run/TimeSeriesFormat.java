package org.jdpl.framework.run;

import java.util.ArrayList;
import java.util.List;

import org.jdpl.framework.counters.CounterScope;
import org.jdpl.framework.counters.CounterType;

/**
 * The run's time series ({@code runs/<run-id>/timeseries.jsonl}): the live counters the Driver samples at
 * a fixed period, one JSON object per line, appended. The first line is the header:
 * {@code {"format":"jdpl-timeseries","version":1,"periodMs":1000,"replicaColumns":[...]}}; every other line is
 * one sample: {@code {"t":epochMs,"r":[[device,replica,state,v...]],"e":[[device,replica,consumer,messages,bytes]],
 * "h":[[host,state,updateEpochMs]]}} where the values {@code v} follow {@code replicaColumns} (the counters' raw,
 * cumulative values: rates are differences between samples). A reader skips a last line it cannot parse: the
 * only line a killed Driver can leave unfinished.
 */
public final class TimeSeriesFormat
{
    public static final String FORMAT = "jdpl-timeseries";
    public static final int VERSION = 1;
    /** The Driver samples every second unless told otherwise ({@code dpl run --sample-period}). */
    public static final long DEFAULT_PERIOD_MS = 1000;
    /** Fields of a replica row before its counter values. */
    public static final int REPLICA_KEY_FIELDS = 3;

    private TimeSeriesFormat()
    {
    }

    /** The counters one replica row carries, in order: every replica and process counter but the state (a key field). */
    public static List<CounterType> replicaColumns()
    {
        final List<CounterType> columns = new ArrayList<>();
        for (final CounterType type : CounterType.values())
        {
            if ((type.scope() == CounterScope.REPLICA || type.scope() == CounterScope.PROCESS) && type != CounterType.STATE)
            {
                columns.add(type);
            }
        }
        return columns;
    }
}
