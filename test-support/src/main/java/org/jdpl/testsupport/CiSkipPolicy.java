package org.jdpl.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * In CI (environment variable {@code CI} set, and not "false"), a skipped test fails: a test that skips for
 * missing data or a missing tool would leave the build green having tested less. Only
 * {@link HardwareUnavailable} (see {@link Hardware}) still skips. Outside CI every skip stays a skip, so
 * a laptop without tmux or OpenCL can still run the suite. Registered for every test by JUnit's extension
 * auto-detection (the root pom turns it on).
 */
public final class CiSkipPolicy implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler
{
    static final String CI = "CI";

    @Override
    public void handleTestExecutionException(final ExtensionContext context, final Throwable throwable) throws Throwable
    {
        throw judged(throwable, inCi());
    }

    @Override
    public void handleBeforeAllMethodExecutionException(final ExtensionContext context, final Throwable throwable) throws Throwable
    {
        throw judged(throwable, inCi());
    }

    @Override
    public void handleBeforeEachMethodExecutionException(final ExtensionContext context, final Throwable throwable) throws Throwable
    {
        throw judged(throwable, inCi());
    }

    /** What the test ends with: {@code throwable} itself, or a failure in place of a skip that CI does not allow. */
    static Throwable judged(final Throwable throwable, final boolean inCi)
    {
        if (!inCi || !(throwable instanceof TestAbortedException) || throwable instanceof HardwareUnavailable)
        {
            return throwable;
        }
        return new AssertionFailedError("skipped in CI, which must not skip for missing data or tools (only for hardware the " +
            "machine cannot have, see org.jdpl.testsupport.Hardware): " + throwable.getMessage(), throwable);
    }

    static boolean inCi()
    {
        final String ci = System.getenv(CI);
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }
}
