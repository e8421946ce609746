package org.jdpl.framework.runner;

/** The device threw from one of its calls; carries where, for the log line and the report. */
final class DeviceCallException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    DeviceCallException(final String device, final String call, final long timeslice, final Throwable cause)
    {
        super("device '" + device + "' failed in " + call + (timeslice >= 0 ? " at timeslice " + timeslice : "") + ": " +
            describe(cause), cause);
    }

    /** {@code Type: message (at Class.method(File.java:12))}, the first frame being where it was thrown. */
    static String describe(final Throwable cause)
    {
        final StackTraceElement[] trace = cause.getStackTrace();
        final String where = trace.length == 0 ? "" : " (at " + trace[0] + ")";
        return cause.getClass().getSimpleName() + ": " + cause.getMessage() + where;
    }
}
