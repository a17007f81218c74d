using Kubemate.ApiMachinery.Structure;

namespace Kubemate.ApiMachinery.Tests.FieldManagement;

/// <summary>Hand-built shapes of the apps/v1 Deployment and a small custom resource, with the real list types.</summary>
internal static class TestShapes
{
    private static readonly TypeShape Scalar = new();

    private static readonly TypeShape StringMap = new() { MapValues = Scalar };

    private static readonly TypeShape TemplateMetadata = new()
    {
        Properties = new Dictionary<string, TypeShape>
        {
            ["name"] = Scalar,
            ["creationTimestamp"] = Scalar,
            ["labels"] = StringMap,
            ["annotations"] = StringMap,
        },
    };

    private static readonly TypeShape Container = new()
    {
        Properties = new Dictionary<string, TypeShape>
        {
            ["name"] = Scalar,
            ["image"] = Scalar,
            ["imagePullPolicy"] = Scalar,
            ["args"] = new TypeShape { Items = Scalar, ListKind = ListKind.Atomic },
            ["command"] = new TypeShape { Items = Scalar, ListKind = ListKind.Atomic },
            ["env"] = new TypeShape
            {
                Items = new TypeShape { Properties = new Dictionary<string, TypeShape> { ["name"] = Scalar, ["value"] = Scalar } },
                ListKind = ListKind.Map,
                ListMapKeys = ["name"],
            },
            ["ports"] = new TypeShape
            {
                Items = new TypeShape
                {
                    Properties = new Dictionary<string, TypeShape>
                    {
                        ["name"] = Scalar,
                        ["containerPort"] = Scalar,
                        ["protocol"] = Scalar,
                    },
                },
                ListKind = ListKind.Map,
                ListMapKeys = ["containerPort", "protocol"],
            },
            ["resources"] = new TypeShape
            {
                Properties = new Dictionary<string, TypeShape> { ["limits"] = StringMap, ["requests"] = StringMap },
            },
            ["terminationMessagePath"] = Scalar,
            ["terminationMessagePolicy"] = Scalar,
        },
    };

    private static readonly TypeShape PodSpec = new()
    {
        Properties = new Dictionary<string, TypeShape>
        {
            ["containers"] = new TypeShape { Items = Container, ListKind = ListKind.Map, ListMapKeys = ["name"] },
            ["initContainers"] = new TypeShape { Items = Container, ListKind = ListKind.Map, ListMapKeys = ["name"] },
            ["restartPolicy"] = Scalar,
            ["dnsPolicy"] = Scalar,
            ["schedulerName"] = Scalar,
            ["terminationGracePeriodSeconds"] = Scalar,
            ["securityContext"] = new TypeShape { Properties = new Dictionary<string, TypeShape> { ["runAsNonRoot"] = Scalar } },
        },
    };

    public static readonly TypeShape Deployment = new()
    {
        Properties = new Dictionary<string, TypeShape>
        {
            ["spec"] = new TypeShape
            {
                Properties = new Dictionary<string, TypeShape>
                {
                    ["replicas"] = Scalar,
                    ["paused"] = Scalar,
                    ["revisionHistoryLimit"] = Scalar,
                    ["progressDeadlineSeconds"] = Scalar,
                    ["selector"] = new TypeShape
                    {
                        IsAtomicObject = true,
                        Properties = new Dictionary<string, TypeShape> { ["matchLabels"] = StringMap },
                    },
                    ["strategy"] = new TypeShape
                    {
                        Properties = new Dictionary<string, TypeShape>
                        {
                            ["type"] = Scalar,
                            ["rollingUpdate"] = new TypeShape
                            {
                                Properties = new Dictionary<string, TypeShape> { ["maxSurge"] = Scalar, ["maxUnavailable"] = Scalar },
                            },
                        },
                    },
                    ["template"] = new TypeShape
                    {
                        Properties = new Dictionary<string, TypeShape> { ["metadata"] = TemplateMetadata, ["spec"] = PodSpec },
                    },
                },
            },
            ["status"] = new TypeShape
            {
                Properties = new Dictionary<string, TypeShape>
                {
                    ["replicas"] = Scalar,
                    ["readyReplicas"] = Scalar,
                    ["observedGeneration"] = Scalar,
                    ["conditions"] = new TypeShape
                    {
                        Items = new TypeShape
                        {
                            Properties = new Dictionary<string, TypeShape>
                            {
                                ["type"] = Scalar,
                                ["status"] = Scalar,
                                ["reason"] = Scalar,
                            },
                        },
                        ListKind = ListKind.Map,
                        ListMapKeys = ["type"],
                    },
                },
            },
        },
    };

    /// <summary>A custom resource whose <c>spec.hosts</c> is <c>x-kubernetes-list-type: set</c>.</summary>
    public static readonly TypeShape Gateway = new()
    {
        Properties = new Dictionary<string, TypeShape>
        {
            ["spec"] = new TypeShape
            {
                Properties = new Dictionary<string, TypeShape>
                {
                    ["hosts"] = new TypeShape { Items = Scalar, ListKind = ListKind.Set },
                    ["tier"] = Scalar,
                },
            },
        },
    };
}
