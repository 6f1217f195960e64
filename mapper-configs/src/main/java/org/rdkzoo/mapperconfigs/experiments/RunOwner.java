package org.rdkzoo.mapperconfigs.experiments;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.rdkzoo.evaluator.provenance.Provenance;

/**
 * The process that runs an experiment and owes its record an end: a build killed with {@code kill -9}
 * (or a crash, or a power cut) leaves the record {@code running} forever, and this is how a later
 * reader tells that it is not.
 *
 * @param pid          the JVM's process id
 * @param host         the machine it ran on, as provenance names it
 * @param processStart when that process started (ISO-8601), to tell a reused pid from the owner; null
 *                     when the platform does not say
 */
public record RunOwner(long pid, String host, String processStart) {
    /** Start times read twice may differ by rounding; a reused pid starts much later. */
    private static final Duration SAME_START = Duration.ofSeconds(1);

    /** This JVM. */
    public static RunOwner current() {
        ProcessHandle self = ProcessHandle.current();
        return new RunOwner(self.pid(), Provenance.localHost(),
                self.info().startInstant().map(Instant::toString).orElse(null));
    }

    /**
     * Whether the owner is known to be gone: it ran on {@code thisHost} and no process with its pid and
     * start time lives there now. On another host nothing can be told from here, so: false.
     */
    public boolean goneFrom(String thisHost) {
        if (host == null || !host.equals(thisHost)) {
            return false;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (p.isEmpty()) {
            return true;
        }
        Optional<Instant> started = p.get().info().startInstant();
        return processStart != null && started.isPresent()
                && Duration.between(Instant.parse(processStart), started.get()).abs().compareTo(SAME_START) > 0;
    }

    @Override
    public String toString() {
        return "pid " + pid + " on " + host;
    }
}
