using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Gateway;

/// <summary>One entry point of the gateway: its name, the port it listens on in the pod, and the port its Service exposes.</summary>
public sealed record GatewayPort(string Name, int ContainerPort, int ServicePort) : IValidatable
{
    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        if (!EdgeSyntax.IsPortName(Name))
        {
            yield return new(FieldPath.Child(path, "name"), $"\"{Name}\" is not a valid port name (at most 15 lower-case letters, digits and '-')");
        }
        foreach (var problem in EdgeChecks.Port(FieldPath.Child(path, "containerPort"), ContainerPort).Concat(EdgeChecks.Port(FieldPath.Child(path, "servicePort"), ServicePort)))
        {
            yield return problem;
        }
    }
}
