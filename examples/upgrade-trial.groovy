// Upgrade trial: build a nested PVE 8.4 cluster from a template, run the PVE 8 -> 9 checker on
// every node, and try the upgrade of one node by hand before touching real hardware.
//
// A dedicated step (nestedPveUpgrade: the pve8to9 gate, the repository switch, a non-interactive
// dist-upgrade, reboot, version and quorum checks, node by node, with a JUnit report) is planned.
// Until it exists, this pipeline does the same steps with nestedPveSh.

// A regex Matcher cannot be saved with the Pipeline's state, so it never lives across a step: read it here.
@NonCPS
int pve8to9Failures(String report) {
    def m = report =~ /FAILURES:\s*(\d+)/
    return m.find() ? (m.group(1) as int) : 0
}

pipeline {
    agent { label 'linux' }
    options { timeout(time: 3, unit: 'HOURS') }
    parameters {
        string(name: 'TEMPLATE', defaultValue: 'pve84-tmpl', description: 'PVE 8.4 template on the host')
        string(name: 'KEEP_ON_FAILURE', defaultValue: '2h', description: 'Keep a failed cluster this long')
    }
    stages {
        stage('Upgrade trial 8.4 -> 9') {
            steps {
                nestedPveCluster(host: 'lab', nodes: 3, template: params.TEMPLATE, memoryMiB: 4096,
                                 nesting: 'require', keepOnFailure: params.KEEP_ON_FAILURE) {
                    // where we start from
                    nestedPveSh node: 'all', script: 'pveversion'
                    nestedPveSh node: 'all', script: 'pvecm status | grep -E "Quorate|Nodes"'

                    // the checker must report no failures on any node (it exits non-zero otherwise)
                    script {
                        def checks = nestedPveSh(node: 'all', returnStdout: true, script: 'pve8to9 --full')
                        for (String node in checks.keySet().toList()) {
                            int failures = pve8to9Failures(checks[node])
                            if (failures != 0) {
                                error "pve8to9 reports ${failures} failure(s) on ${node}"
                            }
                        }
                    }

                    // the manual upgrade of the first node, as the PVE upgrade guide describes it
                    nestedPveSh node: '1', script: '''
                        set -e
                        sed -i 's/bookworm/trixie/g' /etc/apt/sources.list /etc/apt/sources.list.d/*.list
                        apt-get update
                        DEBIAN_FRONTEND=noninteractive apt-get -y -o Dpkg::Options::=--force-confold dist-upgrade
                    '''
                    nestedPveSh node: '1', script: 'systemctl reboot', returnStatus: true
                    // the node comes back after the reboot; its version and the quorum tell the result
                    nestedPveSh node: '2', script: '''
                        for i in $(seq 1 60); do pvecm status | grep -q "Quorate:.*Yes" && break; sleep 10; done
                        pvecm status
                    '''
                    nestedPveSh node: '1', script: 'pveversion'
                }
            }
        }
    }
}
