// Nightly integration test of an Ansible role against a fresh three-node PVE cluster: the cluster
// exists only for the duration of the block and is destroyed afterwards, however the tests end.
pipeline {
    agent { label 'linux && ansible' }
    triggers { cron('H 2 * * *') }
    options {
        timeout(time: 2, unit: 'HOURS')
        disableConcurrentBuilds()
    }
    stages {
        stage('Integration') {
            steps {
                checkout scm
                nestedPveCluster(host: 'lab', nodes: 3, memoryMiB: 4096, nesting: 'require') {
                    // NESTED_PVE_INVENTORY is written into .nested-pve/ of this workspace
                    sh 'cat "$NESTED_PVE_INVENTORY"'
                    nestedPveSh node: 'all', script: 'pveversion && pvecm status'
                    // the per-cluster root password is masked in the log; pass it by environment,
                    // never by Groovy string interpolation
                    sh '''
                        ansible-playbook -i "$NESTED_PVE_INVENTORY" \
                            -e ansible_password="$NESTED_PVE_ROOT_PASSWORD" \
                            site.yml
                    '''
                    sh 'pytest --junitxml=reports/integration.xml tests/integration'
                }
            }
            post {
                always {
                    junit testResults: 'reports/*.xml', allowEmptyResults: true
                }
            }
        }
    }
}
