package org.rdkzoo.mapperconfigs.init;

/** A model {@code mapper init} cannot write a config for, with the reason (e.g. dynamic height and width). */
public final class InitException extends Exception {
    public InitException(String message) {
        super(message);
    }
}
