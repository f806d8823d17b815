// Upgrade trial: build a nested PVE 8.4 cluster from a template and upgrade it to PVE 9 node by node,
// as a rolling upgrade of the real cluster would go, before touching real hardware.
//
// nestedPveUpgrade runs the checker (pve8to9 --full) on every node first and stops with nothing changed when it
// reports a failure (checker: 'gate'); then, one node at a time: its guests migrated away, the repositories
// switched to trixie, apt-get dist-upgrade, reboot, version and checker checks, and a quorate cluster before the
// next node. With workload: true one small VM and one container per node are watched through the whole trial.
// The JUnit report (one suite per node, one case per step) is published whatever the outcome.

pipeline {
    agent { label 'linux' }
    options { timeout(time: 3, unit: 'HOURS') }
    parameters {
        string(name: 'TEMPLATE', defaultValue: 'pve84-tmpl', description: 'PVE 8.4 template on the host')
        string(name: 'KEEP_ON_FAILURE', defaultValue: '2h', description: 'Keep a failed cluster this long')
        choice(name: 'CHECKER', choices: ['gate', 'report', 'skip'], description: 'What pve8to9 decides')
    }
    stages {
        stage('Upgrade trial 8.4 -> 9') {
            steps {
                nestedPveCluster(host: 'lab', nodes: 3, template: params.TEMPLATE, memoryMiB: 4096,
                                 nesting: 'require', keepOnFailure: params.KEEP_ON_FAILURE) {
                    // where we start from
                    nestedPveSh node: 'all', script: 'pveversion'

                    script {
                        def trial = nestedPveUpgrade(to: '9', strategy: 'rolling', checker: params.CHECKER,
                                                     repository: 'no-subscription', workload: true,
                                                     maxGuestDowntime: '30s', report: 'upgrade-report.xml',
                                                     beforeNode: 'tar czf /root/etc-pve-before-upgrade.tgz -C / etc/pve')
                        for (def n in trial.nodes) {
                            echo "${n.name}: ${n.before} -> ${n.after}"
                        }
                        for (def g in trial.guests) {
                            echo "guest ${g.name}: down ${g.downtimeMillis} ms, running at the end: ${g.runningAtEnd}"
                        }
                    }

                    // your own checks against the upgraded cluster
                    nestedPveSh node: 'all', script: 'pveversion; pvecm status | grep -E "Quorate|Nodes"'
                }
            }
        }
    }
    post {
        always {
            junit allowEmptyResults: true, testResults: 'upgrade-report.xml'
        }
    }
}
