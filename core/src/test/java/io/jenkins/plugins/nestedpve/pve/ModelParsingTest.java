package io.jenkins.plugins.nestedpve.pve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ModelParsingTest {
    private static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s.replace('\'', '"'));
    }

    @Test
    void vmConfigParsesNetMemoryAgentAndTags() throws Exception {
        VmConfig c = VmConfig.from(
                json("{'name':'n1','memory':'4096','cores':2,'cpu':'host','agent':'1,fstrim_cloned_disks=1',"
                        + "'net0':'virtio=BC:24:11:AA:BB:CC,bridge=vmbr0,tag=10,firewall=1','tags':'lease-1;nested-pve',"
                        + "'template':0,'digest':'abc','ipconfig0':'ip=10.0.0.5/24,gw=10.0.0.1'}"));

        assertThat(c.name()).contains("n1");
        assertThat(c.memoryMiB()).hasValue(4096);
        assertThat(c.cores()).hasValue(2);
        assertThat(c.cpuType()).contains("host");
        assertThat(c.agentEnabled()).isTrue();
        assertThat(c.template()).isFalse();
        assertThat(c.tags()).containsExactly("lease-1", "nested-pve");
        assertThat(c.ipconfig(0)).contains("ip=10.0.0.5/24,gw=10.0.0.1");
        NetConfig net = c.net(0).orElseThrow();
        assertThat(net.model()).isEqualTo("virtio");
        assertThat(net.mac()).isEqualTo("BC:24:11:AA:BB:CC");
        assertThat(net.bridge()).isEqualTo("vmbr0");
        assertThat(net.tag()).isEqualTo(10);
        assertThat(net.firewall()).isTrue();
    }

    @Test
    void netConfigReadsTheInputFormWithModelKey() {
        NetConfig n = NetConfig.parse("model=virtio,bridge=vmbr1,macaddr=AA:BB:CC:DD:EE:FF");

        assertThat(n.model()).isEqualTo("virtio");
        assertThat(n.mac()).isEqualTo("AA:BB:CC:DD:EE:FF");
        assertThat(n.bridge()).isEqualTo("vmbr1");
        assertThat(n.tag()).isNull();
    }

    @Test
    void memoryReadsThePropertyStringForm() throws Exception {
        assertThat(VmConfig.from(json("{'memory':'current=2048'}")).memoryMiB()).hasValue(2048);
    }

    @Test
    void agentZeroIsDisabled() throws Exception {
        assertThat(VmConfig.from(json("{'agent':'enabled=0'}")).agentEnabled()).isFalse();
        assertThat(VmConfig.from(json("{'agent':0}")).agentEnabled()).isFalse();
    }

    @Test
    void nodeStatusReadsHvmAsEmptyStringOrOne() throws Exception {
        NodeStatus s =
                NodeStatus.from(json("{'cpuinfo':{'vendor':'GenuineIntel','flags':'fpu vmx sse','hvm':'1','cpus':8,"
                        + "'sockets':'1','cores':4,'mhz':'2400.000'},'memory':{'total':1000,'used':400,'free':600},"
                        + "'pveversion':'pve-manager/9.1.2/abc','kversion':'Linux 6.8'}"));
        NodeStatus guest = NodeStatus.from(json("{'cpuinfo':{'vendor':'AuthenticAMD','flags':'fpu sse','hvm':''}}"));

        assertThat(s.cpuinfo().hvm()).isTrue();
        assertThat(s.cpuinfo().intel()).isTrue();
        assertThat(s.cpuinfo().virtualizationFlag()).isTrue();
        assertThat(s.cpuinfo().sockets()).isEqualTo(1);
        assertThat(s.memory().total()).isEqualTo(1000);
        assertThat(guest.cpuinfo().hvm()).isFalse();
        assertThat(guest.cpuinfo().amd()).isTrue();
    }

    @Test
    void nodeMemoryPrefersAvailableAndFallsBackToFree() throws Exception {
        NodeStatus withAvailable =
                NodeStatus.from(json("{'memory':{'total':'1000','used':900,'free':100,'available':'550'}}"));
        NodeStatus withoutAvailable = NodeStatus.from(json("{'memory':{'total':1000,'used':900,'free':100}}"));

        assertThat(withAvailable.memory().available()).isEqualTo(550);
        assertThat(withAvailable.memory().free()).isEqualTo(100);
        assertThat(withoutAvailable.memory().available()).isEqualTo(100);
    }

    @Test
    void permissionsInheritFromParentsOnlyWhenPropagated() throws Exception {
        Permissions p = Permissions.from(json("{'/':{'Sys.Audit':1},'/vms':{'VM.Allocate':1,'VM.Audit':0},"
                + "'/storage/local':{'Datastore.AllocateSpace':0}}"));

        assertThat(p.has("/vms/101", "VM.Allocate")).isTrue();
        assertThat(p.has("/vms/101", "VM.Audit")).isFalse();
        assertThat(p.has("/vms", "VM.Audit")).isTrue();
        assertThat(p.has("/nodes/pve", "Sys.Audit")).isTrue();
        assertThat(p.has("/storage/local", "Datastore.AllocateSpace")).isTrue();
        assertThat(p.has("/storage/other", "Datastore.AllocateSpace")).isFalse();
    }

    @Test
    void clusterStatusOfAStandaloneNodeHasNoClusterEntry() throws Exception {
        ClusterStatus s =
                ClusterStatus.from(json("[{'type':'node','id':'node/pve','name':'pve','ip':'10.0.0.5','local':1,"
                        + "'nodeid':0,'online':1,'level':''}]"));

        assertThat(s.clustered()).isFalse();
        assertThat(s.quorate()).isFalse();
        assertThat(s.onlineNodes()).containsExactly("pve");
    }

    @Test
    void clusterStatusReadsQuorumAndNodes() throws Exception {
        ClusterStatus s = ClusterStatus.from(json("[{'type':'cluster','id':'cluster','name':'c1','nodes':2,'version':3,"
                + "'quorate':1},{'type':'node','name':'n1','nodeid':1,'online':1,'local':1,'ip':'10.0.0.1'},"
                + "{'type':'node','name':'n2','nodeid':'2','online':0,'local':0,'ip':'10.0.0.2'}]"));

        assertThat(s.quorate()).isTrue();
        assertThat(s.clusterEntry().orElseThrow().nodes()).isEqualTo(2);
        assertThat(s.onlineNodes()).containsExactly("n1");
        assertThat(s.nodes().get(1).nodeid()).isEqualTo(2);
    }

    @Test
    void joinInfoReadsStringValuesAndThePreferredNode() throws Exception {
        String fp = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";
        JoinInfo j =
                JoinInfo.from(json("{'nodelist':[{'name':'n1','nodeid':'1','quorum_votes':'1','pve_addr':'10.0.0.1',"
                        + "'pve_fp':'" + fp.toLowerCase() + "','ring0_addr':'10.0.0.1'}],'preferred_node':'n1',"
                        + "'totem':{'cluster_name':'c1','config_version':'1'},'config_digest':'d1'}"));

        assertThat(j.clusterName()).isEqualTo("c1");
        assertThat(j.preferred().orElseThrow().nodeid()).isEqualTo(1);
        assertThat(j.preferred().orElseThrow().fingerprint().value()).isEqualTo(fp);
        assertThat(j.configDigest()).isEqualTo("d1");
    }

    @Test
    void taskStatusCountsWarnings() throws Exception {
        Upid u = Upid.parse("UPID:pve:00000001:00000002:00000003:qmstart:100:root@pam:");

        assertThat(TaskStatus.from(u, json("{'status':'stopped','exitstatus':'WARNINGS: 2'}"))
                        .warnings())
                .hasValue(2);
        assertThat(TaskStatus.from(u, json("{'status':'stopped','exitstatus':'OK'}"))
                        .succeeded())
                .isTrue();
        assertThat(TaskStatus.from(u, json("{'status':'stopped','exitstatus':'clone failed: x'}"))
                        .succeeded())
                .isFalse();
        assertThat(TaskStatus.from(u, json("{'status':'running'}")).stopped()).isFalse();
    }

    @Test
    void certificateServedPrefersThePveproxyCertificate() throws Exception {
        var list = Json.elements(
                        json(
                                "[{'filename':'pve-root-ca.pem','fingerprint':'A'},{'filename':'pve-ssl.pem',"
                                        + "'fingerprint':'B','san':['pve','10.0.0.5']},{'filename':'pveproxy-ssl.pem','fingerprint':'C'}]"))
                .stream()
                .map(CertificateInfo::from)
                .toList();

        assertThat(CertificateInfo.served(list).orElseThrow().fingerprint()).isEqualTo("C");
        assertThat(CertificateInfo.served(list.subList(0, 2)).orElseThrow().san())
                .containsExactly("pve", "10.0.0.5");
    }

    @Test
    void vmResourceKeepsUnknownStatusAndSplitsTags() throws Exception {
        VmResource r = VmResource.from(
                json("{'vmid':'101','node':'pve','type':'qemu','status':'unknown','template':0,"
                        + "'lock':'clone','tags':'nested-pve;lease-1'}"),
                null);

        assertThat(r.vmid()).isEqualTo(101);
        assertThat(r.status()).isEqualTo("unknown");
        assertThat(r.name()).isNull();
        assertThat(r.lock()).isEqualTo("clone");
        assertThat(r.hasTag("NESTED-PVE")).isTrue();
    }

    @Test
    void cloneRequestRejectsStorageForALinkedClone() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> CloneRequest.builder(101).storage("local-lvm").build())
                .hasMessageContaining("only to full clones");
        assertThat(CloneRequest.builder(101)
                        .full(true)
                        .storage("local-lvm")
                        .build()
                        .toParams())
                .containsEntry("full", true)
                .containsEntry("storage", "local-lvm")
                .containsEntry("newid", 101);
    }
}
