package io.jenkins.plugins.nestedpve.sim.pve;

import io.jenkins.plugins.nestedpve.sim.shell.Command;
import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import io.jenkins.plugins.nestedpve.sim.tls.Certificates;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The part of {@code openssl} used to read a node's certificate over SSH (pve-facts §1.6): {@code
 * openssl x509 -noout -fingerprint -sha256 -in FILE} prints {@code sha256 Fingerprint=AA:BB:...} as
 * OpenSSL 3 does; {@code -subject} prints the subject line.
 */
final class Openssl implements Command {
    @Override
    public int run(Invocation inv) {
        List<String> a = inv.params();
        if (a.isEmpty() || !a.get(0).equals("x509")) {
            inv.err().println("openssl: only 'openssl x509' is available in this system");
            return 1;
        }
        String file = CliTasks.option(a, "in");
        String pem = file == null
                ? new String(readAll(inv), StandardCharsets.UTF_8)
                : inv.fs().read(VirtualFs.resolve(inv.cwd(), file)).orElse(null);
        if (pem == null) {
            inv.err().println("Could not open file or uri for loading certificate from " + file);
            return 1;
        }
        X509Certificate cert;
        try {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            inv.err().println("Could not read certificate from " + (file == null ? "<stdin>" : file));
            return 1;
        }
        if (a.contains("-fingerprint")) {
            inv.out().println("sha256 Fingerprint=" + Certificates.fingerprint(cert));
        }
        if (a.contains("-subject")) {
            inv.out().println("subject=" + Certificates.oneLine(cert.getSubjectX500Principal()));
        }
        if (!a.contains("-noout")) {
            inv.out().print(Certificates.pem(cert));
        }
        return 0;
    }

    private static byte[] readAll(Invocation inv) {
        try {
            return inv.stdin().readAllBytes();
        } catch (java.io.IOException e) {
            return new byte[0];
        }
    }
}
