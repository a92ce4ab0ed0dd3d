package dev.craft.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One {@code COPY … FROM STDIN (FORMAT binary)}, fed a row at a time: rows are put into a buffer
 * that is sent whenever it holds {@value #FLUSH_BYTES} bytes, so that PostgreSQL stores what was
 * sent while the caller computes the next rows. The buffer (this and 64 KiB) stays under half of
 * G1's smallest region, so that it is not a humongous object.
 */
final class BinaryCopy implements AutoCloseable {
  /** The binary COPY header: signature, flags, header extension length. */
  private static final byte[] HEADER = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
  };

  private static final int FLUSH_BYTES = 1 << 18;

  private final CopyIn copy;
  private final ByteBuffer out = ByteBuffer.allocate(FLUSH_BYTES + (1 << 16));
  private boolean ended;

  BinaryCopy(Handle h, String sql) {
    try {
      copy = h.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    } catch (SQLException e) {
      throw new StoreException("cannot store the findings: " + e.getMessage(), e);
    }
    out.put(HEADER);
  }

  /**
   * A buffer with room for a row of {@code size} bytes: the shared one (sent first if it has not
   * the room), or for a row larger than it (a very long purl or evidence) one of the row's own.
   * Hand it to {@link #rowDone} once the row is in it.
   */
  ByteBuffer room(int size) {
    if (out.remaining() < size) {
      flush();
    }
    return out.remaining() < size ? ByteBuffer.allocate(size) : out;
  }

  /** After a row was put into {@code b} (from {@link #room}). */
  void rowDone(ByteBuffer b) {
    if (b != out) {
      send(b);
    } else if (out.position() >= FLUSH_BYTES) {
      flush();
    }
  }

  /** Sends the rest and ends the COPY. */
  void end() {
    out.putShort((short) -1);
    flush();
    try {
      copy.endCopy();
    } catch (SQLException e) {
      throw new StoreException("cannot store the findings: " + e.getMessage(), e);
    }
    ended = true;
  }

  private void flush() {
    send(out);
    out.clear();
  }

  private void send(ByteBuffer b) {
    if (b.position() == 0) {
      return;
    }
    try {
      copy.writeToCopy(b.array(), 0, b.position());
    } catch (SQLException e) {
      throw new StoreException("cannot store the findings: " + e.getMessage(), e);
    }
  }

  /** Cancels a COPY that was not ended (the transaction is rolled back anyway). */
  @Override
  public void close() {
    if (!ended && copy.isActive()) {
      try {
        copy.cancelCopy();
      } catch (SQLException e) {
        // The connection reports the failure that brought us here; nothing is kept either way.
      }
    }
  }

  /** A text column's bytes; PostgreSQL's text cannot hold NUL, which is left out (as in CSV). */
  static byte[] utf8(String value) {
    String text = value.indexOf(0) < 0 ? value : value.replace("\0", "");
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
