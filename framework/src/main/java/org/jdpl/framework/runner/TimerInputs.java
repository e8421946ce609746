package org.jdpl.framework.runner;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

import org.jdpl.framework.device.Input;
import org.jdpl.framework.device.Inputs;
import org.jdpl.framework.spec.DataMatcher;
import org.jdpl.framework.spec.DataSpec;
import org.jdpl.framework.spec.InputSpec;

/**
 * The clocks of a timer-driven device (every input {@code ?lifetime=timer}) and the inputs of its
 * calls: a timer whose period has come is present, its payload the tick's number (a long, from 0).
 * Ticks that fall due while the device is busy are not queued: the next is due one period after the
 * last one fired, so a slow device sees fewer ticks, never a burst. A timer with {@code ticks} is
 * exhausted after that many; the device ends its stream once every timer is exhausted (a timer
 * without {@code ticks} ticks until the run is stopped).
 */
final class TimerInputs implements Inputs, AutoCloseable
{
    private final Arena arena = Arena.ofShared();
    private final Tick[] timers;
    private final Tick[] present;
    private int presentCount;

    TimerInputs(final List<InputSpec> inputs, final long nowNs)
    {
        timers = new Tick[inputs.size()];
        for (int i = 0; i < timers.length; i++)
        {
            timers[i] = new Tick(inputs.get(i), arena, nowNs);
        }
        present = new Tick[timers.length];
    }

    /** Marks the timers due at {@code nowNs} present; returns how many are. */
    int poll(final long nowNs, final long timeslice)
    {
        presentCount = 0;
        for (final Tick timer : timers)
        {
            if (timer.fire(nowNs, timeslice))
            {
                present[presentCount++] = timer;
            }
        }
        return presentCount;
    }

    /** Every timer has ticked as many times as it was told to. */
    boolean exhausted()
    {
        for (final Tick timer : timers)
        {
            if (!timer.exhausted())
            {
                return false;
            }
        }
        return true;
    }

    @Override
    public Input get(final String label)
    {
        for (int i = 0; i < presentCount; i++)
        {
            if (present[i].label.equals(label))
            {
                return present[i];
            }
        }
        throw new IllegalStateException("timer '" + label + "' did not tick in this call: check inputs().isPresent(\"" + label + "\") first");
    }

    @Override
    public boolean isPresent(final String label)
    {
        for (int i = 0; i < presentCount; i++)
        {
            if (present[i].label.equals(label))
            {
                return true;
            }
        }
        return false;
    }

    @Override
    public Input get(final int position)
    {
        if (!isPresent(position))
        {
            throw new IllegalStateException("timer " + position + " did not tick in this call: check inputs().isPresent(" + position + ") first");
        }
        return timers[position];
    }

    @Override
    public boolean isPresent(final int position)
    {
        for (int i = 0; i < presentCount; i++)
        {
            if (present[i] == timers[position])
            {
                return true;
            }
        }
        return false;
    }

    @Override
    public int count()
    {
        return presentCount;
    }

    @Override
    public Input at(final int index)
    {
        if (index < 0 || index >= presentCount)
        {
            throw new IndexOutOfBoundsException("timer " + index + " of " + presentCount + " that ticked");
        }
        return present[index];
    }

    @Override
    public void close()
    {
        arena.close();
    }

    /** One timer: its clock, and the tick it delivers. */
    private static final class Tick implements Input
    {
        private final String label;
        private final DataSpec spec;
        private final long periodNs;
        private final long limit;
        private final MemorySegment memory;
        private final MemorySegment view;
        private long dueNs;
        private long fired;
        private long timeslice;

        Tick(final InputSpec input, final Arena arena, final long nowNs)
        {
            final DataMatcher m = input.matcher();
            this.label = input.label();
            // A timer's spec only names it; wildcards in it (allowed by the parser) read as the conventional TMR/TICK/0.
            this.spec = new DataSpec(m.origin() == null ? "TMR" : m.origin(), m.description() == null ? "TICK" : m.description(),
                m.subSpec() == DataMatcher.ANY_SUBSPEC ? 0 : m.subSpec());
            this.periodNs = input.timer().periodNanos();
            this.limit = input.timer().ticks();
            this.memory = arena.allocate(Long.BYTES, Long.BYTES);
            this.view = memory.asReadOnly();
            this.dueNs = nowNs + periodNs;
        }

        boolean fire(final long nowNs, final long timeslice)
        {
            if (exhausted() || nowNs - dueNs < 0)
            {
                return false;
            }
            memory.set(ValueLayout.JAVA_LONG, 0, fired);
            fired++;
            dueNs = nowNs + periodNs;
            this.timeslice = timeslice;
            return true;
        }

        boolean exhausted()
        {
            return limit > 0 && fired >= limit;
        }

        @Override
        public String label()
        {
            return label;
        }

        @Override
        public DataSpec spec()
        {
            return spec;
        }

        @Override
        public long timeslice()
        {
            return timeslice;
        }

        @Override
        public MemorySegment payload()
        {
            return view;
        }
    }
}
