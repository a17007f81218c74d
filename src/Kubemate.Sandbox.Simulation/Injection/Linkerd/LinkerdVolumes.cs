using System.Text.Json.Nodes;

namespace Kubemate.Sandbox.Simulation.Injection.Linkerd;

/// <summary>The pod volumes the injected containers mount.</summary>
internal static class LinkerdVolumes
{
    public static IEnumerable<JsonObject> Build(LinkerdProxySettings settings)
    {
        if (!settings.Config.CniEnabled)
        {
            yield return new JsonObject { ["emptyDir"] = new JsonObject(), ["name"] = LinkerdNames.XtablesLockVolume };
        }
        yield return new JsonObject
        {
            ["emptyDir"] = new JsonObject { ["medium"] = "Memory" },
            ["name"] = LinkerdNames.IdentityEndEntityVolume,
        };
        if (settings.Config.ServiceAccountTokenProjection)
        {
            yield return new JsonObject
            {
                ["name"] = LinkerdNames.IdentityTokenVolume,
                ["projected"] = new JsonObject
                {
                    ["sources"] = new JsonArray
                    {
                        new JsonObject
                        {
                            ["serviceAccountToken"] = new JsonObject
                            {
                                ["audience"] = "identity.l5d.io",
                                ["expirationSeconds"] = 86400,
                                ["path"] = LinkerdNames.IdentityTokenVolume,
                            },
                        },
                    },
                },
            };
        }
    }
}
