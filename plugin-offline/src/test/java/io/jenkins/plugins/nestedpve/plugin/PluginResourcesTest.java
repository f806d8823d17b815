package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;

/** The checks Jenkins' generated InjectedTest makes on views, plus: every form field has a help page. */
class PluginResourcesTest {
    private static final Path RESOURCES =
            Path.of(System.getProperty("basedir", "."), "..", "plugin", "src", "main", "resources");
    private static final Path VIEWS = RESOURCES.resolve("io/jenkins/plugins/nestedpve/plugin");
    private static final Pattern FIELD = Pattern.compile("field=\"(\\w+)\"");

    @Test
    void everyJellyViewEscapesByDefault() throws IOException {
        List<Path> views = files(".jelly");
        assertThat(views).hasSizeGreaterThanOrEqualTo(3);
        for (Path view : views) {
            assertThat(Files.readString(view)).as(view.toString()).startsWith("<?jelly escape-by-default='true'?>");
        }
    }

    @Test
    void everyFieldOfTheHostFormHasAHelpPage() throws IOException {
        assertHelpForEveryField(VIEWS.resolve("PveHostConfig"));
    }

    @Test
    void everyFieldOfTheGlobalFormHasAHelpPage() throws IOException {
        assertHelpForEveryField(VIEWS.resolve("NestedPveGlobalConfiguration"));
    }

    @Test
    void everyHostSetterIsOnTheForm() throws IOException {
        assertThat(fields(VIEWS.resolve("PveHostConfig/config.jelly")))
                .containsAll(setters(PveHostConfig.class))
                .contains("id");
    }

    @Test
    void everyParameterOfTheClusterStepIsInTheSnippetGeneratorWithHelp() throws IOException {
        assertThat(fields(VIEWS.resolve("NestedPveClusterStep/config.jelly")))
                .containsAll(setters(NestedPveClusterStep.class))
                .contains("host");
        assertHelpForEveryField(VIEWS.resolve("NestedPveClusterStep"));
        assertThat(VIEWS.resolve("NestedPveClusterStep/help.html")).exists();
    }

    @Test
    void everyParameterOfTheShStepIsInTheSnippetGeneratorWithHelp() throws IOException {
        assertThat(fields(VIEWS.resolve("NestedPveShStep/config.jelly")))
                .containsAll(setters(NestedPveShStep.class))
                .contains("script");
        assertHelpForEveryField(VIEWS.resolve("NestedPveShStep"));
        assertThat(VIEWS.resolve("NestedPveShStep/help.html")).exists();
    }

    @Test
    void everyParameterOfTheUpgradeStepIsInTheSnippetGeneratorWithHelp() throws IOException {
        assertThat(fields(VIEWS.resolve("NestedPveUpgradeStep/config.jelly")))
                .containsExactlyInAnyOrderElementsOf(setters(NestedPveUpgradeStep.class));
        assertHelpForEveryField(VIEWS.resolve("NestedPveUpgradeStep"));
        assertThat(VIEWS.resolve("NestedPveUpgradeStep/help.html")).exists();
    }

    @Test
    void theBuildSummaryHasItsView() {
        assertThat(VIEWS.resolve("NestedPveClusterAction/summary.jelly")).exists();
    }

    @Test
    void theUpgradeTrialsBuildSummaryHasItsView() {
        assertThat(VIEWS.resolve("NestedPveUpgradeAction/summary.jelly")).exists();
    }

    private static List<String> setters(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.isAnnotationPresent(DataBoundSetter.class))
                .map(Method::getName)
                .map(n -> Character.toLowerCase(n.charAt(3)) + n.substring(4))
                .toList();
    }

    private static void assertHelpForEveryField(Path dir) throws IOException {
        for (String field : fields(dir.resolve("config.jelly"))) {
            Path help = dir.resolve("help-" + field + ".html");
            assertThat(help).as("help for " + field).exists();
            assertThat(Files.readString(help)).startsWith("<div>");
        }
    }

    private static List<String> fields(Path jelly) throws IOException {
        List<String> out = new ArrayList<>();
        Matcher m = FIELD.matcher(Files.readString(jelly));
        while (m.find()) {
            if (!out.contains(m.group(1))) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> all = Files.walk(RESOURCES)) {
            return all.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
