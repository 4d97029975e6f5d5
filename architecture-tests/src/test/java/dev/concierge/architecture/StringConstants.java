package dev.concierge.architecture;

import com.tngtech.archunit.core.domain.JavaClass;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The string literals a compiled class holds: its constant pool's {@code CONSTANT_String} entries, which include
 * compile-time constants, text blocks and the constant parts of concatenations. ArchUnit sees dependencies, not
 * literals, so hand-written SQL is read from here.
 */
final class StringConstants {
    private StringConstants() {}

    static List<String> of(JavaClass javaClass) {
        var source = javaClass.getSource().orElseThrow(() -> new IllegalStateException("no class file for " + javaClass.getName()));
        try (InputStream in = source.getUri().toURL().openStream(); DataInputStream data = new DataInputStream(in)) {
            data.readInt(); // magic
            data.readUnsignedShort(); // minor
            data.readUnsignedShort(); // major
            int count = data.readUnsignedShort();
            String[] utf8 = new String[count];
            List<Integer> strings = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = data.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = data.readUTF();
                    case 8 -> strings.add(data.readUnsignedShort());
                    case 7, 16, 19, 20 -> data.readUnsignedShort();
                    case 15 -> { data.readUnsignedByte(); data.readUnsignedShort(); }
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> data.readInt();
                    case 5, 6 -> { data.readLong(); i++; } // eight-byte constants take two slots
                    default -> throw new IllegalStateException("unknown constant pool tag " + tag + " in " + javaClass.getName());
                }
            }
            return strings.stream().map(index -> utf8[index]).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
