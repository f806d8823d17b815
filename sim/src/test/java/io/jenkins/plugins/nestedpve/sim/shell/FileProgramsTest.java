package io.jenkins.plugins.nestedpve.sim.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileProgramsTest {
    private final FakeMachine m = new FakeMachine();

    @Test
    void catConcatenatesFiles() {
        m.fs.write("/tmp/a", "1\n");
        m.fs.write("/tmp/b", "2\n");

        assertThat(m.run("cat /tmp/a /tmp/b").stdout()).isEqualTo("1\n2\n");
    }

    @Test
    void catReadsProcAndSysFiles() {
        m.fs.write("/proc/cpuinfo", "processor\t: 0\nflags\t\t: vmx\n");
        m.fs.write("/sys/module/kvm_intel/parameters/nested", "Y\n");

        assertThat(m.run("cat /sys/module/kvm_*/parameters/nested; cat /proc/cpuinfo")
                        .stdout())
                .isEqualTo("Y\nprocessor\t: 0\nflags\t\t: vmx\n");
    }

    @Test
    void catMissingFileIsCoreutilsError() {
        assertThat(m.run("cat /etc/nope"))
                .isEqualTo(new Shell.Result(1, "", "cat: /etc/nope: No such file or directory\n"));
    }

    @Test
    void catDirectoryIsAnError() {
        assertThat(m.run("cat /etc").stderr()).isEqualTo("cat: /etc: Is a directory\n");
    }

    @Test
    void catWithoutArgumentsCopiesStdin() {
        assertThat(m.run("cat", "piped\n").stdout()).isEqualTo("piped\n");
    }

    @Test
    void rmRemovesFile() {
        m.fs.write("/etc/machine-id", "abc\n");

        assertThat(m.run("rm /etc/machine-id").status()).isZero();
        assertThat(m.fs.exists("/etc/machine-id")).isFalse();
    }

    @Test
    void rmMissingFileFailsUnlessForced() {
        assertThat(m.run("rm /nope"))
                .isEqualTo(new Shell.Result(1, "", "rm: cannot remove '/nope': No such file or directory\n"));
        assertThat(m.run("rm -f /nope")).isEqualTo(new Shell.Result(0, "", ""));
    }

    @Test
    void rmDirectoryNeedsRecursive() {
        m.fs.write("/tmp/d/f", "x");

        assertThat(m.run("rm /tmp/d").stderr()).isEqualTo("rm: cannot remove '/tmp/d': Is a directory\n");
        assertThat(m.run("rm -rf /tmp/d").status()).isZero();
        assertThat(m.fs.exists("/tmp/d/f")).isFalse();
    }

    @Test
    void rmGlobRemovesMatchingFiles() {
        m.fs.write("/etc/ssh/ssh_host_rsa_key", "k");
        m.fs.write("/etc/ssh/ssh_host_rsa_key.pub", "p");
        m.fs.write("/etc/ssh/sshd_config", "c");

        m.run("rm -f /etc/ssh/ssh_host_*");

        assertThat(m.fs.list("/etc/ssh")).containsExactly("sshd_config");
    }

    @Test
    void mkdirParentsCreatesChain() {
        assertThat(m.run("mkdir -p /root/.ssh/sub/dir && test -d /root/.ssh/sub")
                        .status())
                .isZero();
    }

    @Test
    void mkdirWithoutParentsNeedsParent() {
        assertThat(m.run("mkdir /a/b").stderr())
                .isEqualTo("mkdir: cannot create directory '/a/b': No such file or directory\n");
    }

    @Test
    void mkdirExistingFailsWithoutParents() {
        assertThat(m.run("mkdir /tmp").stderr()).isEqualTo("mkdir: cannot create directory '/tmp': File exists\n");
        assertThat(m.run("mkdir -p /tmp").status()).isZero();
    }

    @Test
    void mvRenames() {
        m.fs.write("/tmp/old", "v");

        m.run("mv /tmp/old /tmp/new");

        assertThat(m.fs.exists("/tmp/old")).isFalse();
        assertThat(m.fs.read("/tmp/new")).contains("v");
    }

    @Test
    void mvMovesDirectoryTree() {
        m.fs.write("/tmp/d1/a/b", "x");

        m.run("mv /tmp/d1 /tmp/d2");

        assertThat(m.fs.read("/tmp/d2/a/b")).contains("x");
        assertThat(m.fs.exists("/tmp/d1")).isFalse();
    }
}
