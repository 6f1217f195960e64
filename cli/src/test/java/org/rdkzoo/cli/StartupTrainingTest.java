package org.rdkzoo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class StartupTrainingTest {

    /** A renamed command or option would silently shrink the class-data archive; this catches it in the build. */
    @Test
    void everyTrainingCommandSucceeds() throws Exception {
        assertEquals(List.of(), StartupTraining.run());
    }
}
