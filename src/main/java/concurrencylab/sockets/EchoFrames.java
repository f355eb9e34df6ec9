package concurrencylab.sockets;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * The lab's echo protocol, one frame per request and per answer: a 4-byte big-endian length, then that many
 * payload bytes. The server answers each request frame with the same frame after its delay.
 */
public final class EchoFrames {

    /** Largest payload a frame may carry. */
    public static final int MAX_PAYLOAD = 1 << 20;

    /** Bytes a frame adds to its payload. */
    public static final int HEADER_BYTES = Integer.BYTES;

    private EchoFrames() {
    }

    public static void write(DataOutputStream out, byte[] payload) throws IOException {
        out.writeInt(payload.length);
        out.write(payload);
        out.flush();
    }

    /** Reads one frame; null at a clean end of stream before a frame starts. */
    public static byte[] read(DataInputStream in) throws IOException {
        int length;
        try {
            length = in.readInt();
        } catch (EOFException endOfStream) {
            return null;
        }
        if (length < 0 || length > MAX_PAYLOAD) {
            throw new IOException("bad frame length " + length);
        }
        byte[] payload = in.readNBytes(length);
        if (payload.length != length) {
            throw new EOFException("frame cut short: " + payload.length + " of " + length + " bytes");
        }
        return payload;
    }
}
