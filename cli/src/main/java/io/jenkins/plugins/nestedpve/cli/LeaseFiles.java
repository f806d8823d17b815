package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.reap.LeaseOracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The leases this installation's processes hold right now: one file per lease under {@code
 * <home>/leases/}, holding the process id. A lease is known while its file exists and its process
 * is alive, so {@code reap} treats the VMs of a crashed {@code run} as orphans but never those of a
 * {@code run} still going, in any process.
 */
final class LeaseFiles implements LeaseOracle {
    private static final Pattern LEASE = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final Path dir;

    LeaseFiles(Path home) {
        this.dir = home.resolve("leases");
    }

    /**
     * Records that this process holds {@code lease}; closing the result releases it.
     *
     * @throws CliException when the file cannot be written
     */
    ShutdownHooks.Registration hold(String lease, String cluster) {
        Path file = file(lease);
        try {
            Files.createDirectories(dir);
            Files.writeString(file, ProcessHandle.current().pid() + "\n" + cluster + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(
                    ExitCodes.COMMAND_FAILED,
                    "cannot record lease " + lease + " in " + dir + ": " + e.getMessage() + " — check that " + dir
                            + " is writable");
        }
        return () -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a stale lease file only delays reaping until its process is gone, which it then is
            }
        };
    }

    @Override
    public boolean isKnown(String lease) {
        if (!LEASE.matcher(lease).matches()) {
            return false;
        }
        return pid(file(lease))
                .flatMap(ProcessHandle::of)
                .map(ProcessHandle::isAlive)
                .orElse(false);
    }

    private Path file(String lease) {
        if (!LEASE.matcher(lease).matches()) {
            throw new IllegalArgumentException("not a lease id: " + lease);
        }
        return dir.resolve(lease);
    }

    private static Optional<Long> pid(Path file) {
        try {
            String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .findFirst()
                    .orElse("")
                    .strip();
            return Optional.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
