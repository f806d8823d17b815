/**
 * SSH to the physical host and to nested guests, on sshj.
 *
 * <p>{@link io.jenkins.plugins.nestedpve.ssh.SshConnector} opens an {@link
 * io.jenkins.plugins.nestedpve.ssh.SshSession} to an {@link io.jenkins.plugins.nestedpve.ssh.SshTarget}
 * with {@link io.jenkins.plugins.nestedpve.ssh.SshAuth} credentials, judging the server's key by an
 * explicit {@link io.jenkins.plugins.nestedpve.ssh.HostKeyPolicy}: pinned, for the physical host and
 * for fresh guests alike (their keys are read through the guest agent first). A session runs commands with streamed output, an exit code and
 * an absolute deadline, and uploads files over SFTP. Every timeout lives in {@link
 * io.jenkins.plugins.nestedpve.ssh.SshTimeouts}; every remote argument is quoted by {@link
 * io.jenkins.plugins.nestedpve.ssh.ShellQuote}. Failures are {@link
 * io.jenkins.plugins.nestedpve.ssh.SshException}s whose messages never carry secrets.
 */
package io.jenkins.plugins.nestedpve.ssh;
