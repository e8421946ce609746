package org.jdpl.framework.topology;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DidYouMeanTest
{
    @Test
    void shouldCountASwapOfNeighboursAsOneEdit()
    {
        assertEquals(1, DidYouMean.distance("pipleine", "pipeline"));
        assertEquals(1, DidYouMean.distance("payload-byte", "payload-bytes"));
        assertEquals(3, DidYouMean.distance("abc", "xyz"));
    }

    @Test
    void shouldSuggestTheClosestNameOnlyWhenItIsClose()
    {
        final List<String> names = List.of("timeslices", "payload-bytes", "rate");
        assertEquals("payload-bytes", DidYouMean.closest("payload-byte", names));
        assertEquals("rate", DidYouMean.closest("RATE", names));
        assertNull(DidYouMean.closest("frobnicate", names));
    }

    @Test
    void shouldListAllCandidatesInTheHint()
    {
        assertEquals("did you mean 'all'? (one of: all, any)", DidYouMean.hint("al", List.of("all", "any"), "one of"));
        assertEquals("one of: all, any", DidYouMean.hint("zzzzz", List.of("all", "any"), "one of"));
    }
}
