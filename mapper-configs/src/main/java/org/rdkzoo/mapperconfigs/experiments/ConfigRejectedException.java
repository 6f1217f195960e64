package org.rdkzoo.mapperconfigs.experiments;

import java.util.List;

/** The config has errors: the build was refused before the toolchain ran. */
public final class ConfigRejectedException extends Exception {
    private final transient List<ConfigCheck.Problem> problems;

    public ConfigRejectedException(String config, List<ConfigCheck.Problem> problems) {
        super(config + " has " + problems.stream().filter(ConfigCheck.Problem::error).count()
                + " error(s); nothing was run");
        this.problems = List.copyOf(problems);
    }

    public List<ConfigCheck.Problem> problems() {
        return problems;
    }
}
