package org.jdpl.transport.segment;

/**
 * Encodes a block reference as a plain {@code long}, so it travels in a message header without
 * allocation: the block's first page in the low 32 bits and the block's generation (31 bits) above
 * them. A reference is never negative; negative values are result codes.
 *
 * <p>The generation changes every time a page starts a new block, so a reference kept after its
 * block was freed is recognised as stale instead of touching someone else's payload.
 */
public final class BlockRef
{
    /** {@code tryAllocate} result: no run of free pages is large enough right now; try again later. */
    public static final long NO_SPACE = -1;

    /** {@code allocate} result: the wait for free space reached its timeout. */
    public static final long TIMED_OUT = -2;

    static final long PAGE_MASK = 0xFFFF_FFFFL;
    static final int GENERATION_MASK = 0x7FFF_FFFF;

    private BlockRef()
    {
    }

    static long encode(final int generation, final long firstPage)
    {
        return ((long)(generation & GENERATION_MASK) << 32) | firstPage;
    }

    static long firstPage(final long ref)
    {
        return ref & PAGE_MASK;
    }

    static int generation(final long ref)
    {
        return (int)(ref >>> 32) & GENERATION_MASK;
    }

    /** Whether a value returned by an allocation is a reference rather than a result code. */
    public static boolean isRef(final long value)
    {
        return value >= 0;
    }

    /** A readable form for messages: {@code block@page/gen}. */
    public static String toString(final long ref)
    {
        if (ref == NO_SPACE)
        {
            return "NO_SPACE";
        }
        if (ref == TIMED_OUT)
        {
            return "TIMED_OUT";
        }
        return "block@" + firstPage(ref) + "/gen" + generation(ref);
    }
}
