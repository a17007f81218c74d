using System.Text.Json.Serialization;
using Kubemate.Model.Preservation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Access;

/// <summary>A namespace's default for inbound connections that no intent covers.</summary>
public sealed record InboundPolicy : IMeshModel
{
    [JsonIgnore]
    public string ModelKind => "InboundPolicy";

    /// <summary>The namespace this default applies to.</summary>
    public required string Name { get; init; }

    string? IMeshModel.Namespace => null;

    public required InboundPolicyMode Default { get; init; }

    public PreservedData? Preserved { get; init; }

    public IMeshModel WithPreserved(PreservedData? preserved) => this with { Preserved = preserved };

    public IEnumerable<ValidationProblem> Validate(string path = "") =>
        NameChecks.Dns1123Label(Name, FieldPath.Child(path, "name"))
            .Concat(Enum.IsDefined(Default) ? [] : [new ValidationProblem(FieldPath.Child(path, "default"), $"'{Default}' is not an inbound policy")]);
}
