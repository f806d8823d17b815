package io.jenkins.plugins.nestedpve.ssh;

import java.util.List;

/** Arguments that break naive quoting: quotes, expansions, separators, line breaks, unicode. */
final class HostileStrings {
    private HostileStrings() {}

    static List<String> all() {
        return List.of(
                "",
                "plain",
                " ",
                "it's",
                "'",
                "''",
                "'\\''",
                "\"",
                "\"double\" and 'single'",
                "$(touch /tmp/nested-pve-pwned)",
                "`id`",
                "$HOME",
                "${PATH:-x}",
                "$((1+1))",
                "a b  c",
                "tab\there",
                "new\nline",
                "\n",
                "trailing\n\n",
                "\r\n",
                "back\\slash",
                "\\",
                "\\'",
                "*",
                "?",
                "[a-z]",
                "~",
                "~root",
                "a;b",
                "a&&b",
                "a||b",
                "a|b",
                "a&",
                ">out",
                "<in",
                "#comment",
                "-n",
                "--",
                "-e \\n",
                "%s%d%%",
                "!",
                "!!",
                "{a,b}",
                "a=b",
                "PATH=/tmp",
                "grüße ✓ 日本 🎉",
                "\u00a0non-breaking",
                "\u0001\u001b[31mctrl",
                "emoji\uD83D\uDE00surrogate");
    }
}
