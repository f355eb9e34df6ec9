package concurrencylab.sockets;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The lab's echo protocol, one frame per request and per answer: a 4-byte big-endian length, then that many
 * payload bytes. The server answers each request frame with the same frame after its delay. Every echo client and
 * server reads and writes frames here: blocking ones through streams, the event loop's through buffers.
 */
public final class EchoFrames {

    /** Largest payload a frame may carry. */
    public static final int MAX_PAYLOAD = 1 << 20;

    /** Bytes a frame adds to its payload. */
    public static final int HEADER_BYTES = Integer.BYTES;

    private EchoFrames() {
    }

    /** Bytes a frame of {@code payloadBytes} puts on the wire. */
    public static int frameBytes(int payloadBytes) {
        return HEADER_BYTES + payloadBytes;
    }

    /** A whole frame (header and payload) ready to send: position 0, limit its end. */
    public static ByteBuffer encode(byte[] payload) {
        return ByteBuffer.allocate(frameBytes(payload.length)).putInt(payload.length).put(payload).flip();
    }

    /** A header buffer to read a frame's length into. */
    public static ByteBuffer header() {
        return ByteBuffer.allocate(HEADER_BYTES);
    }

    /** The payload length a complete header announces; fails on a length no frame may have. */
    public static int payloadLength(ByteBuffer header) throws IOException {
        return checked(header.getInt(0));
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
        checked(length);
        byte[] payload = in.readNBytes(length);
        if (payload.length != length) {
            throw new EOFException("frame cut short: " + payload.length + " of " + length + " bytes");
        }
        return payload;
    }

    private static int checked(int length) throws IOException {
        if (length < 0 || length > MAX_PAYLOAD) {
            throw new IOException("bad frame length " + length);
        }
        return length;
    }
}
