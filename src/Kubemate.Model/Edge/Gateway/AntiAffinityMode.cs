using System.Text.Json.Serialization;

namespace Kubemate.Model.Edge.Gateway;

/// <summary>How strictly gateway replicas are kept on different nodes.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AntiAffinityMode>))]
public enum AntiAffinityMode
{
    /// <summary>Never two replicas on one node (a replica stays pending when no node is free).</summary>
    Required,

    /// <summary>Spread when possible.</summary>
    Preferred,

    None,
}
