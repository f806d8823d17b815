package io.jenkins.plugins.nestedpve.plugin;

import hudson.AbortException;
import io.jenkins.plugins.nestedpve.host.NestingPolicy;
import io.jenkins.plugins.nestedpve.preflight.HostLimits;
import io.jenkins.plugins.nestedpve.spec.Addressing;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.spec.ClusterSpecBuilder;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import io.jenkins.plugins.nestedpve.spec.Placement;
import io.jenkins.plugins.nestedpve.spec.SpecRules;
import io.jenkins.plugins.nestedpve.spec.SpecValidationException;
import io.jenkins.plugins.nestedpve.spec.Timeouts;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Turns a {@link NestedPveClusterStep} and the host it names into the core's {@link ClusterSpec}: the step's
 * values where given, else the host's, else the core's defaults. A step value the host's administrator limits
 * ({@link HostLimits}) is checked first. Every problem becomes one {@link AbortException} that lists all of
 * them; nothing is created from a bad spec.
 */
final class ClusterSpecs {
    private ClusterSpecs() {}

    /**
     * @param hostRef the host as {@link HostAccess} resolved it
     * @param owner who asks, for the ownership markers
     * @param buildRef the build, e.g. {@code folder/job#12}
     */
    static ClusterSpec build(
            NestedPveClusterStep step,
            PveHostConfig host,
            HostRef hostRef,
            UUID installationId,
            String owner,
            String buildRef)
            throws AbortException {
        try {
            Duration keep =
                    SpecRules.duration("keepOnFailure", step.getKeepOnFailure()).orElse(Duration.ZERO);
            checkLimits(step, host, keep);
            ClusterSpecBuilder b = ClusterSpec.builder()
                    .host(hostRef)
                    .nodes(step.getNodes())
                    .cores(step.getCores())
                    .memoryMiB(step.getMemoryMiB())
                    .bridge(step.getBridge() != null ? step.getBridge() : host.getBridge())
                    .vlanTag(vlan(step.getVlan() != null ? step.getVlan() : host.getVlan()))
                    .addressing(addressing(host))
                    .nesting(nesting(step, host))
                    .smokeCheck(step.isSmokeCheck())
                    .smokeCheckContainer(step.isSmokeCheckContainer())
                    .vmidRange(host.getVmidRangeStart(), host.getVmidRangeEnd())
                    .keepOnFailure(keep)
                    .timeouts(timeouts(step))
                    .owner(owner)
                    .buildRef(buildRef)
                    .guestSshPort(host.getGuestSshPort())
                    .guestApiPort(host.getGuestApiPort())
                    .pool(host.getPool())
                    .hostReserveMiB(host.getReserveMiB())
                    .installationId(installationId)
                    .replacements(step.getReplacements() != null ? step.getReplacements() : host.getReplacements())
                    .placement(
                            Placement.parse(step.getPlacement() != null ? step.getPlacement() : host.getPlacement()));
            SpecRules.duration("capacityTimeout", step.getCapacityTimeout()).ifPresent(b::capacityTimeout);
            template(b, step.getTemplate() != null ? step.getTemplate() : host.getTemplate(), host);
            if (step.isFullClone() || step.getStorage() != null) {
                b.fullClone(step.getStorage() != null ? step.getStorage() : host.getStorage());
            }
            if (step.getClusterName() != null) {
                b.clusterName(step.getClusterName());
            }
            return b.build();
        } catch (SpecValidationException | IllegalArgumentException e) {
            throw new AbortException("nestedPveCluster on host '" + host.getId() + "': " + e.getMessage());
        }
    }

    /** The host's administrator limits on what a step may ask; before anything else, nothing is created. */
    private static void checkLimits(NestedPveClusterStep step, PveHostConfig host, Duration keep)
            throws AbortException {
        HostLimits.Request asked = new HostLimits.Request(
                override(step.getBridge(), host.getBridge()),
                override(step.getVlan(), host.getVlan()),
                override(step.getStorage(), host.getStorage()),
                override(step.getTemplate(), host.getTemplate()),
                step.getNesting() == null ? null : NestingPolicy.parse(step.getNesting()),
                step.getMemoryMiB(),
                step.getCores(),
                keep);
        List<String> problems = host.limits()
                .problems(
                        asked,
                        NestingPolicy.valueOf(host.getNesting().name()),
                        "Manage Jenkins » System » Nested PVE, host '" + host.getId() + "'");
        if (!problems.isEmpty()) {
            throw new AbortException("nestedPveCluster on host '" + host.getId() + "': " + String.join("; ", problems));
        }
    }

    /** The step's value when it departs from the host's default (which is always allowed), else null. */
    private static <T> T override(T asked, T hostDefault) {
        return asked == null || asked.equals(hostDefault) ? null : asked;
    }

    private static void template(ClusterSpecBuilder b, String template, PveHostConfig host) {
        if (template == null) {
            throw new IllegalArgumentException("no template: set template: on the step, or a default template for"
                    + " host '" + host.getId() + "' in Manage Jenkins » System » Nested PVE");
        }
        b.template(SpecRules.templateRef(template));
    }

    private static Integer vlan(int tag) {
        return tag <= 0 ? null : tag;
    }

    private static NestingPolicy nesting(NestedPveClusterStep step, PveHostConfig host) {
        return step.getNesting() != null
                ? NestingPolicy.parse(step.getNesting())
                : NestingPolicy.valueOf(host.getNesting().name());
    }

    private static Addressing addressing(PveHostConfig host) {
        if (host.getAddressing() != PveHostConfig.Addressing.STATIC) {
            return Addressing.dhcp();
        }
        return Addressing.subnet(host.getStaticPoolCidr(), host.getStaticGateway());
    }

    private static Timeouts timeouts(NestedPveClusterStep step) {
        return SpecRules.duration("timeout", step.getTimeout())
                .map(Timeouts.defaults()::withOverall)
                .orElse(Timeouts.defaults());
    }
}
