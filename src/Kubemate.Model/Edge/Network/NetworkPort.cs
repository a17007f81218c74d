using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Network;

/// <summary>A destination port and its protocol (TCP, UDP or SCTP).</summary>
public sealed record NetworkPort(int Port, string Protocol = "TCP") : IValidatable
{
    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        foreach (var problem in EdgeChecks.Port(FieldPath.Child(path, "port"), Port))
        {
            yield return problem;
        }
        if (Protocol is not ("TCP" or "UDP" or "SCTP"))
        {
            yield return new(FieldPath.Child(path, "protocol"), $"\"{Protocol}\" is not TCP, UDP or SCTP");
        }
    }
}
