using Kubemate.ApiMachinery.Json;

namespace Kubemate.ApiMachinery.Yaml;

/// <summary>
/// What one YAML stream may cost to read, so no input can exhaust the stack or the memory of a process: nesting
/// depth, nodes created (aliases count as the nodes they expand to, so "billion laughs" is refused before it is
/// built) and scalar characters (again counted as expanded).
/// </summary>
public sealed record YamlLimits
{
    /// <summary>
    /// The default depth is that of every JSON reader in Kubemate (<see cref="JsonLimits.MaxDepth"/>), so whatever is
    /// read as YAML can also be read as JSON, stored and read back.
    /// </summary>
    public static YamlLimits Default { get; } = new();

    public int MaxDepth { get; init; } = JsonLimits.MaxDepth;

    public long MaxNodes { get; init; } = 1_000_000;

    public long MaxScalarCharacters { get; init; } = 64L * 1024 * 1024;
}
