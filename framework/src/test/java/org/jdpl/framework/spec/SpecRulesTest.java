package org.jdpl.framework.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The spec grammar's rules at their edges: lengths one under and one over each limit, the characters
 * just outside each allowed range, the smallest timer period, and specs made in code held to the same
 * rules as parsed ones.
 */
class SpecRulesTest
{
    private static final String LABEL_32 = "a".repeat(32);

    @Test
    void shouldTakeEachPartUpToItsLengthAndNotOneCharacterMore()
    {
        assertEquals("ABCD", DataSpec.parse("ABCD/X/0").origin());
        assertThrows(SpecSyntaxException.class, () -> DataSpec.parse("ABCDE/X/0"));
        assertEquals("ABCDEFGHIJKLMNOP", DataSpec.parse("A/ABCDEFGHIJKLMNOP/0").description());
        assertThrows(SpecSyntaxException.class, () -> DataSpec.parse("A/ABCDEFGHIJKLMNOPQ/0"));
        assertEquals(LABEL_32, InputSpec.parse(LABEL_32 + ":A/B").label());
        assertThrows(SpecSyntaxException.class, () -> InputSpec.parse(LABEL_32 + "a:A/B"));
        assertEquals(4294967295L, DataSpec.parse("A/B/4294967295").subSpec());

        new DataSpec("ABCD", "ABCDEFGHIJKLMNOP", 4294967295L);
        assertThrows(IllegalArgumentException.class, () -> new DataSpec("ABCDE", "B", 0));
        assertThrows(IllegalArgumentException.class, () -> new DataSpec("A", "ABCDEFGHIJKLMNOPQ", 0));
        assertThrows(IllegalArgumentException.class, () -> new DataSpec("A", "B", 4294967296L));
        assertThrows(IllegalArgumentException.class, () -> new DataSpec("A", "B", -1));
        assertThrows(IllegalArgumentException.class, () -> new DataSpec("", "B", 0));
        new OutputSpec(LABEL_32, new DataSpec("A", "B", 0), Lifetime.TIMEFRAME);
        assertThrows(IllegalArgumentException.class, () -> new OutputSpec(LABEL_32 + "a", new DataSpec("A", "B", 0), Lifetime.TIMEFRAME));
    }

    @Test
    void shouldHoldMatchersMadeInCodeToTheRulesOfParsedOnes()
    {
        assertThrows(IllegalArgumentException.class, () -> new DataMatcher("ABCDE", null, DataMatcher.ANY_SUBSPEC));
        assertThrows(IllegalArgumentException.class, () -> new DataMatcher("A", "ABCDEFGHIJKLMNOPQ", DataMatcher.ANY_SUBSPEC));
        assertThrows(IllegalArgumentException.class, () -> new DataMatcher("A", "B", 4294967296L));
        final DataMatcher exactly = DataMatcher.exactly(new DataSpec("TRK", "HITS", 3));
        assertTrue(exactly.matches(new DataSpec("TRK", "HITS", 3)));
        assertFalse(exactly.matches(new DataSpec("TRK", "HITS", 4)));
        assertFalse(exactly.matches(new DataSpec("TRK", "HIT", 3)));
        assertFalse(exactly.matches(new DataSpec("TRD", "HITS", 3)));
        assertTrue(DataMatcher.parse("TRK/*").matches(new DataSpec("TRK", "ANY", 9)));
    }

    @Test
    void shouldTakeOnlyCapitalsDigitsAndUnderscoreInSpecsAndALetterFirstInLabels()
    {
        for (final String ok : List.of("AZ9_/B/0", "A0/_Z09/0"))
        {
            DataSpec.parse(ok);
        }
        for (final char bad : new char[] {'@', '[', '/', ':', '`', 'a', '{'})
        {
            assertThrows(IllegalArgumentException.class, () -> new DataSpec("A" + bad, "B", 0), "origin with '" + bad + "'");
        }
        assertThrows(SpecSyntaxException.class, () -> DataSpec.parse("A@/B/0"));
        assertEquals("z9-_", InputSpec.parse("z9-_:A/B").label().substring(0, 4));
        assertThrows(SpecSyntaxException.class, () -> InputSpec.parse("9a:A/B"));
        assertThrows(SpecSyntaxException.class, () -> InputSpec.parse("-a:A/B"));
    }

    @Test
    void shouldReadASpecWholeOrNotAtAll()
    {
        assertEquals(0, DataSpec.parse("TRK/HITS").subSpec(), "no subSpec: 0");
        assertEquals(5, DataSpec.parse("TRK/HITS/5").subSpec());
        assertThrows(SpecSyntaxException.class, () -> DataSpec.parse("TRK/HITS/5x"));
        assertThrows(SpecSyntaxException.class, () -> DataMatcher.parse("TRK/HITS/5 extra"));
        assertEquals("out:TRK/HITS/5", OutputSpec.parse("out:TRK/HITS/5").toString());
        assertEquals("out:TRK/HITS/5?lifetime=condition", OutputSpec.parse("out:TRK/HITS/5?lifetime=condition").toString());
        assertEquals("TRK/HITS/5", DataSpec.parse("TRK/HITS/5").toString());
    }

    @Test
    void shouldKeepATimerToOneMillisecondOrMoreAndTicksToZeroOrMore()
    {
        assertEquals(1_000_000, InputSpec.parse("t:T/T/0?lifetime=timer&period=1ms").timer().periodNanos());
        assertEquals(1_000_000, InputSpec.parse("t:T/T/0?lifetime=timer&period=1000us").timer().periodNanos());
        assertThrows(SpecSyntaxException.class, () -> InputSpec.parse("t:T/T/0?lifetime=timer&period=999us"));
        assertEquals(0, InputSpec.parse("t:T/T/0?lifetime=timer&period=5ms&ticks=0").timer().ticks());
        assertThrows(SpecSyntaxException.class, () -> InputSpec.parse("t:T/T/0?lifetime=timer&period=5ms&ticks=-1"));
        assertThrows(IllegalArgumentException.class, () -> new TimerSpec(999_999, 0));
        assertThrows(IllegalArgumentException.class, () -> new TimerSpec(1_000_000, -1));
        assertEquals("period=1500us&ticks=3", new TimerSpec(1_500_000, 3).text());
        assertEquals("period=2ms", new TimerSpec(2_000_000, 0).text());
        assertEquals("period=1000001ns", new TimerSpec(1_000_001, 0).text());
    }

    @Test
    void shouldSayWhichLifetimesNeedAProducer()
    {
        assertTrue(Lifetime.TIMEFRAME.needsProducer());
        assertTrue(Lifetime.CONDITION.needsProducer());
        assertFalse(Lifetime.OPTIONAL.needsProducer());
        assertFalse(Lifetime.SPORADIC.needsProducer());
        assertFalse(Lifetime.TIMER.needsProducer());
    }
}
