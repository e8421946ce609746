package org.jdpl.framework.driver;

/** How {@code dpl run} shows progress while a run goes on. */
public enum ProgressMode
{
    /** Nothing. */
    OFF,
    /** One live line, rewritten in place (a terminal). */
    LINE,
    /** A progress line every few seconds (a log, a pipe). */
    LOG
}
