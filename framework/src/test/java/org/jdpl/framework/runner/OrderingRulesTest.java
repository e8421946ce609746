package org.jdpl.framework.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jdpl.framework.spec.InputSpec;
import org.junit.jupiter.api.Test;

/**
 * The rules behind ordered completion and late optional messages, at their edges: which id a replica
 * waits for, the 256 complete timeslices after which a gap is given up, and how many delivered ids
 * are remembered to recognise a late message.
 */
class OrderingRulesTest
{
    @Test
    void shouldWaitForTheNextIdOfItsReplicaAndGiveAGapUpAtExactly256Waiting()
    {
        final OrderedSequence sequence = new OrderedSequence();
        sequence.expect(1, 2); // replica 1 of 2: 1, 3, 5, ...
        assertFalse(sequence.waitsFor(1), "the expected id never waits");
        assertTrue(sequence.mayDeliver(1, 0));
        sequence.delivered(1);
        assertFalse(sequence.waitsFor(3));
        assertTrue(sequence.waitsFor(5), "5 waits while 3 has not come");
        assertFalse(sequence.mayDeliver(5, OrderedSequence.MAX_WAITING_BEHIND_GAP - 1));
        assertEquals(0, sequence.gapsSkipped());
        assertTrue(sequence.mayDeliver(5, OrderedSequence.MAX_WAITING_BEHIND_GAP));
        assertEquals(1, sequence.gapsSkipped());
        sequence.delivered(5);
        assertTrue(sequence.mayDeliver(3, 0), "an id given up on goes through when it comes");
        sequence.delivered(3);
        assertFalse(sequence.waitsFor(7), "delivering a smaller id does not move the expectation back");
        assertTrue(sequence.waitsFor(9));
        sequence.flushing(true);
        assertFalse(sequence.waitsFor(9), "at end of stream nothing waits for a gap");
        assertTrue(sequence.mayDeliver(9, 0));
        assertEquals(2, sequence.gapsSkipped());
    }

    @Test
    void shouldDeliverInAnyOrderWithoutASequence()
    {
        final OrderedSequence sequence = new OrderedSequence();
        assertFalse(sequence.waitsFor(10));
        assertTrue(sequence.mayDeliver(10, 0));
        assertEquals(0, sequence.gapsSkipped());
    }

    @Test
    void shouldRememberTheLast4096DeliveredIdsOnlyWhereAnInputMayComeLate()
    {
        assertFalse(RecentTimeslices.forInputs(List.of(InputSpec.parse("a:A/B"), InputSpec.parse("c:C/D?lifetime=condition"))).isTracking());
        assertTrue(RecentTimeslices.forInputs(List.of(InputSpec.parse("a:A/B"), InputSpec.parse("s:S/T?lifetime=sporadic"))).isTracking());
        final RecentTimeslices recent = RecentTimeslices.forInputs(List.of(InputSpec.parse("o:O/P?lifetime=optional")));
        assertTrue(recent.isTracking());
        for (long id = 0; id < RecentTimeslices.REMEMBERED; id++)
        {
            recent.add(id);
        }
        assertTrue(recent.contains(0) && recent.contains(RecentTimeslices.REMEMBERED - 1));
        recent.add(RecentTimeslices.REMEMBERED);
        assertFalse(recent.contains(0), "the oldest is forgotten when one more comes");
        assertTrue(recent.contains(1) && recent.contains(RecentTimeslices.REMEMBERED));
        final RecentTimeslices none = RecentTimeslices.forInputs(List.of(InputSpec.parse("a:A/B")));
        none.add(3);
        assertFalse(none.contains(3));
    }
}
