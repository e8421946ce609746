package org.jdpl.framework.driver;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a run ended. */
public enum RunStatus
{
    /** Every device ended cleanly after end of stream. */
    OK,
    /** A device failed, or could not be started. */
    FAILED,
    /** Stopped by SIGINT/SIGTERM (or a stop request). */
    INTERRUPTED;

    @JsonValue
    public String text()
    {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
