package org.jdpl.topologies;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** tf-recorder records a stream beside its consumers; tf-replayer sends it again, intact, in a later run. */
@Timeout(120)
class RecordReplayRunTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReplayARecordedStreamIntactInALaterRun() throws Exception
    {
        final Path recording = dir.resolve("recording");
        final RunFixture recordRun = new RunFixture(dir);
        final RunResult recorded = recordRun.run(recordRun.write("record.conf", """
            devices {
              source { use = counter-source, options { timeslices = 500, payload-bytes = 1024 } }
              fwd    { use = forwarder }
              sink   { use = checksum-sink }
              rec    { use = tf-recorder, inputs = ["in:TST/COUNTER"], options { path = "%s" } }
            }
            """.formatted(recording)));
        assertEquals(0, recorded.exitCode(), recorded::describe);
        assertEquals(500, recorded.metric("rec.recorded"));
        assertEquals(500, recorded.timeslices("completed"), "the recorder is a sink like any other");

        final RunFixture replayRun = new RunFixture(Files.createDirectories(dir.resolve("replay-run")));
        final RunResult replayed = replayRun.run(replayRun.write("replay.conf", """
            devices {
              replay { use = tf-replayer, outputs = ["out:TST/COUNTER/0"], options { path = "%s" } }
              fwd    { use = forwarder }
              sink   { use = checksum-sink, options { expected-timeslices = 500 } }
            }
            """.formatted(recording)));

        assertEquals(0, replayed.exitCode(), replayed::describe);
        assertEquals(500, replayed.metric("replay.replayed"));
        assertEquals(500, replayed.metric("sink.received"));
        assertEquals(0, replayed.metric("sink.corrupt") + replayed.metric("sink.missing") + replayed.metric("sink.duplicates"));
        RunFixture.assertNothingLeft(replayed);
    }
}
