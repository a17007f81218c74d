using System.Text.Json.Nodes;

namespace Kubemate.Testing.BadInput;

/// <summary>The model file document the bad-input corpus starts from: a traffic split, and what may be done to it.</summary>
public static class ModelFileDocuments
{
    public static BadDocumentSpec TrafficSplit { get; } = new(
        new JsonObject
        {
            ["kind"] = "TrafficSplit",
            ["spec"] = new JsonObject
            {
                ["name"] = "orders",
                ["namespace"] = "orders",
                ["service"] = "orders",
                ["port"] = 8080,
                ["backends"] = new JsonArray(new JsonObject { ["service"] = "orders-v1", ["weight"] = 90 }, new JsonObject { ["service"] = "orders-v2", ["weight"] = 10 }),
            },
        },
        ["kind", "spec", "spec.name", "spec.namespace", "spec.service", "spec.port", "spec.backends"],
        ["kind", "spec.name", "spec.namespace", "spec.service"],
        "spec.name", long.MaxValue,
        [Mutation.WrongType, Mutation.Truncated, Mutation.InvalidUtf8, Mutation.LoneSurrogate, Mutation.Deep, Mutation.DuplicateKey, Mutation.UnknownField, Mutation.BadName, Mutation.AliasBomb]);
}
