package io.modelopt.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive, operating-system level lock on the data directory.
 *
 * <p>Only one modelopt may run on a data directory. The lock is a {@link FileLock}, so the
 * operating system releases it when the process dies, even by SIGKILL: a crashed instance never
 * blocks the next start.
 */
final class DataDirLock implements AutoCloseable {

    static final String FILE_NAME = "modelopt.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock or fails at once.
     *
     * @throws DataDirInUseException when another live process holds it
     */
    static DataDirLock acquire(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new DataDirInUseException(dataDir);
            }
            return new DataDirLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new DataDirInUseException(dataDir);
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }

    /** Another modelopt process already runs on this data directory. */
    public static final class DataDirInUseException extends IllegalStateException {

        DataDirInUseException(Path dataDir) {
            super("Another modelopt instance is already running on the data directory "
                    + dataDir.toAbsolutePath() + " (it holds " + FILE_NAME + "). Stop that "
                    + "instance, or start this one with another MODELOPT_DATA_DIR.");
        }
    }
}
