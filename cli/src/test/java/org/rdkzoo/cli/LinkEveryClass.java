package org.rdkzoo.cli;

import java.io.IOException;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Run by {@link StartupArchiveIT} in a JVM of its own: initialises (and so links and verifies) every class of the jar
 * whose name starts with the prefix given, and prints how many it did. A {@link VerifyError} ends it with exit code 1.
 */
public final class LinkEveryClass {
    private LinkEveryClass() {
    }

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        int linked = 0;
        try (JarFile jar = new JarFile(args[0])) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.startsWith(args[1]) && name.endsWith(".class")) {
                    String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                    try {
                        Class.forName(className, true, LinkEveryClass.class.getClassLoader());
                    } catch (VerifyError e) {
                        System.out.println("VerifyError: " + e.getMessage());
                        System.exit(1);
                    }
                    linked++;
                }
            }
        }
        System.out.println("linked " + linked);
    }
}
