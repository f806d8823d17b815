package io.jenkins.plugins.nestedpve.cluster;

import io.jenkins.plugins.nestedpve.provision.SecretInputRunner;
import io.jenkins.plugins.nestedpve.ssh.ExecResult;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fake remote shell: answers scripted results per exact command line (in order, the last one
 * repeating) and records every call with its stdin. Unscripted commands answer exit 127.
 */
public final class ScriptedShell implements SecretInputRunner {
    /** One call as the shell saw it; {@code stdin} is null for plain runs. */
    public record Call(String command, String stdin) {}

    private final Map<String, Deque<ExecResult>> script = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();

    public static ExecResult ok(String stdout) {
        return new ExecResult(0, stdout, "");
    }

    public static ExecResult fail(int exit, String stderr) {
        return new ExecResult(exit, "", stderr);
    }

    /** Scripts {@code command}'s answers in order; the last one repeats. */
    public synchronized ScriptedShell on(String command, ExecResult... results) {
        script.put(command, new ArrayDeque<>(List.of(results)));
        return this;
    }

    @Override
    public synchronized ExecResult run(String command, Duration timeout) {
        calls.add(new Call(command, null));
        return answer(command);
    }

    @Override
    public synchronized ExecResult runWithSecretInput(String command, String secretInput, Duration timeout) {
        calls.add(new Call(command, secretInput));
        return answer(command);
    }

    private ExecResult answer(String command) {
        Deque<ExecResult> answers = script.get(command);
        if (answers == null || answers.isEmpty()) {
            return new ExecResult(127, "", "sh: " + command + ": command not found");
        }
        return answers.size() > 1 ? answers.poll() : answers.peek();
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<String> commands() {
        return calls.stream().map(Call::command).toList();
    }
}
