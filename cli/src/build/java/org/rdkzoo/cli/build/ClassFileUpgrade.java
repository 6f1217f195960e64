package org.rdkzoo.cli.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * A build step, run by the cli module on the shaded jar before the class-data archive is trained
 * ({@code java -cp asm.jar ClassFileUpgrade.java JAR}): rewrites every class file older than Java 6
 * (major version below 50) as a Java 6 class file with stack map frames computed by ASM. Nothing else
 * in the class changes.
 *
 * <p>Why: picocli is compiled for Java 5. JDK 17's class-data sharing does not archive such classes, so
 * every command loaded picocli's ~180 classes from the jar and verified them with the old inference
 * verifier (~75 ms of each command's start). With frames they are verified by the type-checking
 * verifier and archived. A Java 6 class whose frames were wrong would still load: the JVM falls back to
 * the old verifier for version 50 (and would then leave it out of the archive); StartupArchiveIT checks
 * that no class needs that fallback.
 */
public final class ClassFileUpgrade {
    private static final int JAVA_6 = 50;

    private ClassFileUpgrade() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java -cp asm.jar ClassFileUpgrade.java JAR");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        Path temporary = jar.resolveSibling(jar.getFileName() + ".upgrade");
        int upgraded = 0;
        try (ZipFile in = new ZipFile(jar.toFile());
                URLClassLoader classes = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                        ClassLoader.getPlatformClassLoader());
                OutputStream file = Files.newOutputStream(temporary);
                ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream data = in.getInputStream(entry)) {
                    bytes = data.readAllBytes();
                }
                if (entry.getName().endsWith(".class") && majorVersion(bytes) < JAVA_6) {
                    bytes = upgrade(bytes, classes);
                    upgraded++;
                }
                // A fresh entry keeps the name, time and comment; sizes and compression are recomputed.
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                copy.setComment(entry.getComment());
                copy.setExtra(entry.getExtra());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        if (upgraded == 0) {
            // Already done (shade left the jar as it was): the jar keeps its time, and the archive stays valid.
            Files.delete(temporary);
            return;
        }
        Files.move(temporary, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("ClassFileUpgrade: " + upgraded + " class files older than Java 6 in " + jar
                + " rewritten as Java 6 with stack map frames");
    }

    private static int majorVersion(byte[] classFile) {
        return classFile.length < 8 ? Integer.MAX_VALUE : ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }

    /**
     * Frames need the common superclass of two types where control flow merges: ASM asks the class loader,
     * which here reads the jar itself (without initialising anything), so library types resolve.
     */
    private static byte[] upgrade(byte[] classFile, ClassLoader classes) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return classes;
            }
        };
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                super.visit(Opcodes.V1_6, access, name, signature, superName, interfaces);
            }
        }, 0);
        return writer.toByteArray();
    }
}
