package io.jenkins.plugins.nestedpve.plugin;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.util.ListBoxModel;
import java.util.ArrayList;
import java.util.List;

/** Records which credential kinds a drop-down asked for; answers a fresh model each time. */
final class RecordingListing implements CredentialsListing {
    final List<String> calls = new ArrayList<>();
    final List<ListBoxModel> answers = new ArrayList<>();

    @Override
    public ListBoxModel list(Class<? extends StandardCredentials> type, String current) {
        calls.add(type.getSimpleName() + ":" + current);
        ListBoxModel model = new ListBoxModel();
        answers.add(model);
        return model;
    }
}
