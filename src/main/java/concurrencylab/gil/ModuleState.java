package concurrencylab.gil;

/**
 * A module's state as one interpreter sees it: every interpreter imports its own copy (PEP 489's multi-phase
 * initialisation, which PEP 684 requires of a module imported into an interpreter with its own GIL), so a change one
 * interpreter makes is not seen by another. Importing builds the module's constants (a CRC-32 table its tasks
 * checksum their payload with) and sets its globals: a count of the tasks run and a marker any task may write.
 *
 * <p>Guarded by its interpreter's GIL: only a thread inside {@link SubInterpreter#exec} touches it, and the lock's
 * mutex orders every holder after the previous one, so the fields are plain. States: imported (tasksRun 0, no marker)
 * -> counting (tasksRun grows by one per task) ; marker: none -> set (it may be set again).
 */
final class ModuleState {

    private static final int CRC32_POLYNOMIAL = 0xEDB88320;

    /** This interpreter's own copy of the module's constant table. */
    private final int[] crcTable = new int[256];
    /** Under the interpreter's GIL. */
    private long tasksRun;
    /** Under the interpreter's GIL. */
    private String marker;

    private ModuleState() {
        for (int n = 0; n < crcTable.length; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? CRC32_POLYNOMIAL ^ (c >>> 1) : c >>> 1;
            }
            crcTable[n] = c;
        }
    }

    /** Imports the module afresh: what each new interpreter does. */
    static ModuleState imported() {
        return new ModuleState();
    }

    /** CRC-32 (the polynomial of zlib and java.util.zip.CRC32) of {@code length} bytes from {@code offset}. */
    long checksum(byte[] bytes, int offset, int length) {
        int crc = 0xFFFFFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc = crcTable[(crc ^ bytes[i]) & 0xFF] ^ (crc >>> 8);
        }
        return ~crc & 0xFFFFFFFFL;
    }

    /** Counts one more task run in this interpreter; returns the count. */
    long countTask() {
        return ++tasksRun;
    }

    long tasksRun() {
        return tasksRun;
    }

    void mark(String text) {
        marker = text;
    }

    /** The marker a task of this interpreter wrote, or null. */
    String marker() {
        return marker;
    }
}
