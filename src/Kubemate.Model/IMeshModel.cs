using Kubemate.Model.Preservation;
using Kubemate.Model.Validation;

namespace Kubemate.Model;

/// <summary>
/// One mesh-neutral model object (a traffic split, an access intent …): named, namespaced, self-validating,
/// and carrying what a driver read but the model does not express (<see cref="Preserved"/>).
/// </summary>
public interface IMeshModel : IValidatable
{
    /// <summary>The model kind written as <c>kind:</c> in stored model documents, e.g. <c>TrafficSplit</c>.</summary>
    string ModelKind { get; }

    string Name { get; }

    /// <summary>Null when the objects it came from named none (then they are rendered without one, for the client to default).</summary>
    string? Namespace { get; }

    PreservedData? Preserved { get; }

    IMeshModel WithPreserved(PreservedData? preserved);
}
