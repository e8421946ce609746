package org.jdpl.framework.counters;

/**
 * The one registry of counter type ids in a run's counters file, with the label each counter gets
 * ({@code device#replica: label}). Ids are part of the file format: append, never renumber.
 */
public enum CounterType
{
    STATE(1, CounterScope.REPLICA, "state"),
    TIMESLICES_IN(2, CounterScope.REPLICA, "timeslices in"),
    TIMESLICES_OUT(3, CounterScope.REPLICA, "timeslices out"),
    BYTES_IN(4, CounterScope.REPLICA, "bytes in"),
    BYTES_OUT(5, CounterScope.REPLICA, "bytes out"),
    PROCESSING_P50_NS(6, CounterScope.REPLICA, "processing p50 ns"),
    PROCESSING_P99_NS(7, CounterScope.REPLICA, "processing p99 ns"),
    PROCESSING_MAX_NS(8, CounterScope.REPLICA, "processing max ns"),
    BACK_PRESSURE_NS(9, CounterScope.REPLICA, "back-pressure ns"),
    IDLE_NS(10, CounterScope.REPLICA, "idle ns"),
    HEARTBEAT_MS(11, CounterScope.REPLICA, "heartbeat epoch ms"),
    PAUSED(12, CounterScope.REPLICA, "paused"),
    ERRORS(13, CounterScope.REPLICA, "errors"),
    TIMESLICES_DROPPED(14, CounterScope.REPLICA, "timeslices dropped"),
    /** Busy fraction of the device's GPU in per mille; published by GPU devices only (0 otherwise). */
    GPU_BUSY_PERMILLE(15, CounterScope.REPLICA, "gpu busy permille"),
    /** GPU kernel time in ns; GPU devices only. */
    GPU_KERNEL_NS(16, CounterScope.REPLICA, "gpu kernel ns"),
    /** Bytes copied to and from the GPU; GPU devices only. */
    GPU_TRANSFER_BYTES(17, CounterScope.REPLICA, "gpu transfer bytes"),
    /** Time of those copies in ns; GPU devices only. */
    GPU_TRANSFER_NS(18, CounterScope.REPLICA, "gpu transfer ns"),
    /** The GPU memory pool's high-water mark in bytes; GPU devices only. */
    GPU_POOL_HIGH_WATER_BYTES(19, CounterScope.REPLICA, "gpu pool high-water bytes"),
    ROUTE_MESSAGES_OUT(20, CounterScope.ROUTE, "messages out"),
    ROUTE_BYTES_OUT(21, CounterScope.ROUTE, "bytes out"),
    PID(30, CounterScope.PROCESS, "pid"),
    CPU_PERMILLE(31, CounterScope.PROCESS, "cpu permille of one core"),
    RSS_BYTES(32, CounterScope.PROCESS, "rss bytes"),
    RESTARTS(33, CounterScope.PROCESS, "restarts"),
    /** The process's exit code; {@link #NO_EXIT} while it runs. */
    EXIT_CODE(34, CounterScope.PROCESS, "exit code"),
    /** Time a source was held back by the rate limit ({@code rate-limit { }}); 0 for other devices. */
    RATE_LIMIT_WAIT_NS(40, CounterScope.REPLICA, "rate-limit wait ns"),
    /** Timeframes a source has in flight (produced, not yet done by every sink), as it last saw them. */
    IN_FLIGHT(41, CounterScope.REPLICA, "timeframes in flight"),
    /** The most timeframes in flight a source saw. */
    MAX_IN_FLIGHT(42, CounterScope.REPLICA, "max timeframes in flight"),
    /** A host's {@link HostState}, as the launching host sees it. */
    HOST_STATE(50, CounterScope.HOST, "host state"),
    /** When the launching host last received the host's counters (epoch ms); 0 before the first. */
    HOST_UPDATE_MS(51, CounterScope.HOST, "host update epoch ms");

    /** EXIT_CODE's value while the process runs. */
    public static final long NO_EXIT = -1;

    private static final CounterType[] BY_ID = new CounterType[64];

    static
    {
        for (final CounterType type : values())
        {
            BY_ID[type.id] = type;
        }
    }

    private final int id;
    private final CounterScope scope;
    private final String label;

    CounterType(final int id, final CounterScope scope, final String label)
    {
        this.id = id;
        this.scope = scope;
        this.label = label;
    }

    public int id()
    {
        return id;
    }

    public CounterScope scope()
    {
        return scope;
    }

    public String label()
    {
        return label;
    }

    /** The type with this id, or null (a newer writer's counter this reader does not know). */
    public static CounterType ofId(final int id)
    {
        return id > 0 && id < BY_ID.length ? BY_ID[id] : null;
    }
}
