using System.CommandLine;
using Kubemate.CommandLine;
using Kubemate.Modeling;

namespace Kubemate.Commands.Families;

/// <summary>
/// One object family <c>kubemate render &lt;family&gt;</c> builds from flags: its name, its flags for the common
/// cases (the model file covers everything), and how the flags become models.
/// </summary>
public interface IRenderFamily
{
    string Name { get; }

    string Description { get; }

    IReadOnlyList<Option> Options { get; }

    /// <summary>The models the flags describe; problems with the flags go to <paramref name="flags"/>.</summary>
    FamilyModels Build(FlagReader flags);
}

/// <summary>What a family's flags describe, and how to render it.</summary>
public sealed record FamilyModels(ModelSet Models)
{
    public bool IntentMeshLayer { get; init; } = true;

    public bool IntentNetworkLayer { get; init; }

    /// <summary>Where to keep the trust anchor's private key when Kubemate generates one.</summary>
    public string? TrustAnchorKeyFile { get; init; }

    /// <summary>Model field paths (under the family's name) and the flags that set them, so problems name the flag.</summary>
    public IReadOnlyDictionary<string, string> FlagPaths { get; init; } = new Dictionary<string, string>();
}
