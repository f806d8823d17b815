package io.jenkins.plugins.nestedpve.plugin;

import hudson.util.FormValidation;
import java.util.ArrayList;
import java.util.List;

/** Records every validation the form code renders (FormValidation itself needs a running Jenkins). */
final class RecordingRenderer implements ValidationRenderer {
    final List<Validation> rendered = new ArrayList<>();

    @Override
    public FormValidation render(Validation validation) {
        rendered.add(validation);
        return null;
    }

    Validation last() {
        if (rendered.isEmpty()) {
            throw new AssertionError("nothing was rendered");
        }
        return rendered.get(rendered.size() - 1);
    }
}
