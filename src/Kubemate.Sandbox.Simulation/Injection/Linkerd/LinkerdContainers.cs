using System.Globalization;
using System.Text.Json.Nodes;
using static Kubemate.Sandbox.Simulation.Injection.PodJson;

namespace Kubemate.Sandbox.Simulation.Injection.Linkerd;

/// <summary>
/// The containers Linkerd adds to a pod: <c>linkerd-proxy</c>, and before it either <c>linkerd-init</c> (iptables
/// set-up) or, with the CNI plugin, <c>linkerd-network-validator</c>. Keys are written in the order Kubernetes prints them.
/// </summary>
internal static class LinkerdContainers
{
    /// <param name="capabilities">The first application container's <c>securityContext.capabilities</c>, mirrored onto the proxy.</param>
    /// <param name="serviceAccountMount">An application container's service-account token mount, shared with the proxy.</param>
    public static JsonObject Proxy(LinkerdProxySettings settings, JsonObject? capabilities, JsonObject? serviceAccountMount)
    {
        var config = settings.Config;
        var proxy = new JsonObject
        {
            ["env"] = LinkerdProxyEnvironment.Build(settings),
            ["image"] = settings.ProxyImageReference,
            ["imagePullPolicy"] = settings.PullPolicy,
        };
        if (Lifecycle(settings) is { } lifecycle)
        {
            proxy["lifecycle"] = lifecycle;
        }
        proxy["livenessProbe"] = Probe("/live", settings.AdminPort, initialDelaySeconds: 10);
        proxy["name"] = LinkerdNames.ProxyContainer;
        proxy["ports"] = new JsonArray
        {
            new JsonObject { ["containerPort"] = settings.InboundPort, ["name"] = "linkerd-proxy" },
            new JsonObject { ["containerPort"] = settings.AdminPort, ["name"] = "linkerd-admin" },
        };
        proxy["readinessProbe"] = Probe("/ready", settings.AdminPort, initialDelaySeconds: 2);
        if (Resources(settings) is { } resources)
        {
            proxy["resources"] = resources;
        }
        if (settings.NativeSidecar)
        {
            proxy["restartPolicy"] = "Always";
        }
        proxy["securityContext"] = ProxySecurityContext(settings, capabilities);
        if (settings.NativeSidecar && settings.Await)
        {
            proxy["startupProbe"] = new JsonObject
            {
                ["failureThreshold"] = 120,
                ["httpGet"] = new JsonObject { ["path"] = "/ready", ["port"] = settings.AdminPort },
                ["periodSeconds"] = 1,
            };
        }
        proxy["terminationMessagePolicy"] = "FallbackToLogsOnError";
        var mounts = new JsonArray
        {
            new JsonObject { ["mountPath"] = "/var/run/linkerd/identity/end-entity", ["name"] = LinkerdNames.IdentityEndEntityVolume },
        };
        if (config.ServiceAccountTokenProjection)
        {
            mounts.Add(new JsonObject { ["mountPath"] = "/var/run/secrets/tokens", ["name"] = LinkerdNames.IdentityTokenVolume });
        }
        if (serviceAccountMount is not null)
        {
            mounts.Add(serviceAccountMount.DeepClone());
        }
        proxy["volumeMounts"] = mounts;
        return proxy;
    }

    public static JsonObject ProxyInit(LinkerdProxySettings settings, JsonObject? capabilities, JsonObject? serviceAccountMount)
    {
        var config = settings.Config;
        var args = new List<string>();
        if (config.IptablesMode == "nft")
        {
            args.AddRange(["--firewall-bin-path", "iptables-nft", "--firewall-save-bin-path", "iptables-nft-save"]);
        }
        if (config.DisableIPv6)
        {
            args.Add("--ipv6=false");
        }
        args.AddRange(["--incoming-proxy-port", Number(settings.InboundPort), "--outgoing-proxy-port", Number(settings.OutboundPort), "--proxy-uid", Number(settings.Uid)]);
        if (settings.Gid >= 0)
        {
            args.AddRange(["--proxy-gid", Number(settings.Gid)]);
        }
        var inboundIgnored = $"{settings.ControlPort},{settings.AdminPort}" + (settings.IgnoreInboundPorts.Length > 0 ? "," + settings.IgnoreInboundPorts : "");
        args.AddRange(["--inbound-ports-to-ignore", inboundIgnored]);
        if (settings.IgnoreOutboundPorts.Length > 0)
        {
            args.AddRange(["--outbound-ports-to-ignore", settings.IgnoreOutboundPorts]);
        }
        if (settings.SkipSubnets.Length > 0)
        {
            args.AddRange(["--subnets-to-ignore", settings.SkipSubnets]);
        }

        var init = new JsonObject
        {
            ["args"] = Strings(args),
            ["command"] = Strings(["/usr/lib/linkerd/linkerd2-proxy-init"]),
            ["image"] = settings.InitImageReference,
            ["imagePullPolicy"] = settings.PullPolicy,
            ["name"] = LinkerdNames.InitContainer,
        };
        if (Resources(settings) is { } resources)
        {
            init["resources"] = resources;
        }
        var capabilityAdds = new List<string> { "NET_ADMIN", "NET_RAW" };
        capabilityAdds.AddRange(StringList(capabilities, "add"));
        var initCapabilities = new JsonObject { ["add"] = Strings(capabilityAdds) };
        if (StringList(capabilities, "drop").ToList() is { Count: > 0 } drops)
        {
            initCapabilities["drop"] = Strings(drops);
        }
        init["securityContext"] = new JsonObject
        {
            ["allowPrivilegeEscalation"] = false,
            ["capabilities"] = initCapabilities,
            ["privileged"] = false,
            ["readOnlyRootFilesystem"] = true,
            ["runAsGroup"] = config.ProxyInitRunAsGroup,
            ["runAsNonRoot"] = true,
            ["runAsUser"] = config.ProxyInitRunAsUser,
            ["seccompProfile"] = new JsonObject { ["type"] = "RuntimeDefault" },
        };
        init["terminationMessagePolicy"] = "FallbackToLogsOnError";
        var mounts = new JsonArray { new JsonObject { ["mountPath"] = "/run", ["name"] = LinkerdNames.XtablesLockVolume } };
        if (serviceAccountMount is not null)
        {
            mounts.Add(serviceAccountMount.DeepClone());
        }
        init["volumeMounts"] = mounts;
        return init;
    }

    public static JsonObject NetworkValidator(LinkerdProxySettings settings)
    {
        var config = settings.Config;
        var validator = new JsonObject
        {
            ["args"] = Strings(
            [
                "--log-format", config.NetworkValidatorLogFormat,
                "--log-level", config.NetworkValidatorLogLevel,
                "--connect-addr", config.NetworkValidatorConnectAddr,
                "--listen-addr", config.NetworkValidatorListenAddr,
                "--timeout", config.NetworkValidatorTimeout,
            ]),
            ["command"] = Strings(["/usr/lib/linkerd/linkerd2-network-validator"]),
            ["image"] = settings.ProxyImageReference,
            ["imagePullPolicy"] = settings.PullPolicy,
            ["name"] = LinkerdNames.NetworkValidatorContainer,
        };
        if (Resources(settings) is { } resources)
        {
            validator["resources"] = resources;
        }
        validator["securityContext"] = new JsonObject
        {
            ["allowPrivilegeEscalation"] = false,
            ["capabilities"] = new JsonObject { ["drop"] = Strings(["ALL"]) },
            ["readOnlyRootFilesystem"] = true,
            ["runAsGroup"] = 65534,
            ["runAsNonRoot"] = true,
            ["runAsUser"] = 65534,
            ["seccompProfile"] = new JsonObject { ["type"] = "RuntimeDefault" },
        };
        return validator;
    }

    private static JsonObject? Lifecycle(LinkerdProxySettings settings)
    {
        if (settings.NativeSidecar || (!settings.Await && settings.WaitBeforeExitSeconds == 0))
        {
            return null;
        }
        var lifecycle = new JsonObject();
        if (settings.Await)
        {
            lifecycle["postStart"] = Exec(["/usr/lib/linkerd/linkerd-await", "--timeout=2m", $"--port={settings.AdminPort}"]);
        }
        if (settings.WaitBeforeExitSeconds > 0)
        {
            lifecycle["preStop"] = Exec(["/bin/sleep", Number(settings.WaitBeforeExitSeconds)]);
        }
        return lifecycle;
    }

    private static JsonObject Exec(IEnumerable<string> command) =>
        new() { ["exec"] = new JsonObject { ["command"] = Strings(command) } };

    private static JsonObject Probe(string path, int port, int initialDelaySeconds) => new()
    {
        ["httpGet"] = new JsonObject { ["path"] = path, ["port"] = port },
        ["initialDelaySeconds"] = initialDelaySeconds,
        ["timeoutSeconds"] = 1,
    };

    private static JsonObject ProxySecurityContext(LinkerdProxySettings settings, JsonObject? capabilities)
    {
        var context = new JsonObject { ["allowPrivilegeEscalation"] = false };
        if (capabilities is not null)
        {
            var mirrored = new JsonObject();
            if (StringList(capabilities, "add").ToList() is { Count: > 0 } adds)
            {
                mirrored["add"] = Strings(adds);
            }
            if (StringList(capabilities, "drop").ToList() is { Count: > 0 } drops)
            {
                mirrored["drop"] = Strings(drops);
            }
            if (mirrored.Count > 0)
            {
                context["capabilities"] = mirrored;
            }
        }
        context["readOnlyRootFilesystem"] = true;
        if (settings.Gid >= 0)
        {
            context["runAsGroup"] = settings.Gid;
        }
        context["runAsNonRoot"] = true;
        context["runAsUser"] = settings.Uid;
        context["seccompProfile"] = new JsonObject { ["type"] = "RuntimeDefault" };
        return context;
    }

    private static JsonObject? Resources(LinkerdProxySettings settings)
    {
        if (!settings.HasResources)
        {
            return null;
        }
        var resources = new JsonObject();
        var limits = Quantities(settings.CpuLimit, settings.EphemeralStorageLimit, settings.MemoryLimit);
        var requests = Quantities(settings.CpuRequest, settings.EphemeralStorageRequest, settings.MemoryRequest);
        if (limits.Count > 0)
        {
            resources["limits"] = limits;
        }
        if (requests.Count > 0)
        {
            resources["requests"] = requests;
        }
        return resources;
    }

    private static JsonObject Quantities(string? cpu, string? ephemeralStorage, string? memory)
    {
        var quantities = new JsonObject();
        if (cpu is not null)
        {
            quantities["cpu"] = cpu;
        }
        if (ephemeralStorage is not null)
        {
            quantities["ephemeral-storage"] = ephemeralStorage;
        }
        if (memory is not null)
        {
            quantities["memory"] = memory;
        }
        return quantities;
    }

    private static IEnumerable<string> StringList(JsonObject? parent, string name) =>
        Array(parent, name)?.Select(item => item is JsonValue value && value.TryGetValue<string>(out var text) ? text : null).OfType<string>() ?? [];

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
