using System.Text.Json.Serialization;

namespace Kubemate.Application.Canary.Resource;

/// <summary>How traffic reaches the canary.</summary>
public enum ReleaseMode
{
    /// <summary>A person sets the canary weight.</summary>
    [JsonStringEnumMemberName("manual")]
    Manual,

    /// <summary>Kubemate walks the steps, each held for its pause and until a check passes.</summary>
    [JsonStringEnumMemberName("progressive")]
    Progressive,

    /// <summary>Requests matching a header or cookie go to the canary; the others stay on stable.</summary>
    [JsonStringEnumMemberName("ab")]
    AB,
}
