package org.rdkzoo.mapperconfigs.config;

/** What a config key holds, as hb_mapper reads it after PyYAML has parsed the file. */
public enum ValueKind {
    /** A string (a path, a name, one of a set of words). */
    STRING("a string"),
    /** {@code True} or {@code False} (YAML 1.1 also reads yes/no/on/off). */
    BOOLEAN("True or False"),
    /** A whole number. */
    INTEGER("an integer"),
    /** A number, whole or not. */
    NUMBER("a number"),
    /** Names in one string, separated by {@code ;} (by {@code ;} or {@code ,} for optimization). */
    NAME_LIST("a string of names separated by ';'"),
    /** One number, or numbers separated by spaces; {@code ;} between inputs. */
    NUMBER_LIST("a number or numbers separated by spaces"),
    /** Shapes like {@code 1x3x224x224}; {@code ;} between inputs; empty means read from the model. */
    SHAPE_LIST("a shape like '1x3x224x224'"),
    /** A mapping of node name to its settings, or the short form {@code 'node1:int16;node2:int16'}. */
    NODE_INFO("a mapping {node: {'ON': 'BPU', 'InputType': 'int16', 'OutputType': 'int16'}}"),
    /** A mapping of input name to {@code ddr}, {@code pyramid} or {@code resizer}. */
    INPUT_SOURCE("a mapping {input_name: 'ddr'}");

    private final String description;

    ValueKind(String description) {
        this.description = description;
    }

    /** How to say what is expected, in a message. */
    public String description() {
        return description;
    }
}
