using System.Text.Json.Nodes;
using Kubemate.Model.Injection;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Drivers;

/// <summary>
/// Turns mesh-neutral models into one mesh's Kubernetes objects and back. Pure: no I/O, no clients;
/// applying the objects (server-side apply) is the caller's one shared step.
/// </summary>
public interface IMeshDriver
{
    /// <summary>The registry key, e.g. <c>linkerd</c>, <c>linkerd:smi-v1alpha2</c>, <c>istio</c>.</summary>
    string Provider { get; }

    /// <summary>The mesh this provider is a version of (<c>linkerd</c> for <c>linkerd:smi-v1alpha2</c>).</summary>
    string Family { get; }

    /// <summary>What this mesh can express, so a console can hide the rest.</summary>
    MeshCapabilities Capabilities { get; }

    /// <summary>How this mesh looks on a cluster: proxy, injection switch, control plane, identity issuer, telemetry vocabulary.</summary>
    MeshConventions Conventions { get; }

    /// <summary>Metric and label names of this mesh's proxies.</summary>
    TelemetryVocabulary Telemetry => Conventions.Telemetry;

    /// <summary>Every problem of the model, its own and the ones only this mesh has (e.g. weights must total 100).</summary>
    IReadOnlyList<ValidationProblem> Validate(IMeshModel model);

    /// <summary>
    /// The objects for the models, merged where models share an object, with preserved fields put back.
    /// Throws <see cref="ModelValidationException"/> listing every problem of every model; renders nothing then.
    /// </summary>
    IReadOnlyList<JsonObject> Render(IEnumerable<IMeshModel> models);

    /// <summary>Models for the objects this driver understands; the rest come back untouched as unrecognized.</summary>
    MeshReadResult Read(IEnumerable<JsonObject> objects);

    /// <summary>A partial object (for server-side apply) that switches proxy injection on or off for a namespace or workload.</summary>
    JsonObject InjectionPatch(InjectionTarget target, bool enabled);
}

public static class MeshDriverExtensions
{
    public static IReadOnlyList<JsonObject> Render(this IMeshDriver driver, IMeshModel model) => driver.Render([model]);
}
