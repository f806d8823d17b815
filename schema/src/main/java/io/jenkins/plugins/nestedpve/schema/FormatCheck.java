package io.jenkins.plugins.nestedpve.schema;

/** check_format of pve-common:src/PVE/JSONSchema.pm. */
final class FormatCheck {
    private FormatCheck() {}

    /** Throws with PVE's {@code $@} text when {@code value} does not have the format. */
    static void check(FormatRef format, String value, String path, Dialect dialect) throws FormatException {
        switch (format.kind()) {
            case UNCHECKED, UNKNOWN -> {}
            case SINGLE -> {
                if (format.hash() != null) {
                    PropertyStrings.parse(format.hash(), value, path, dialect);
                } else {
                    format.code().check(value);
                }
            }
            case LIST -> {
                requireCode(format, "list");
                for (String element : Perl.splitList(value)) {
                    format.code().check(element);
                }
            }
            case OPT -> {
                requireCode(format, "opt");
                if (Perl.truthy(value)) {
                    format.code().check(value);
                }
            }
        }
    }

    private static void requireCode(FormatRef format, String suffix) throws FormatException {
        if (format.code() == null) {
            throw FormatException.die("'-" + suffix + "' format must have code ref, not hash");
        }
    }
}
