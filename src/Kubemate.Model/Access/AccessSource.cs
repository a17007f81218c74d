using Kubemate.Model.Collections;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Access;

/// <summary>
/// One kind of allowed client: any of <see cref="Identities"/> (or, with <see cref="Unauthenticated"/>, any client
/// with or without an identity), connecting from one of <see cref="Networks"/> when any are given.
/// </summary>
public sealed record AccessSource : IValidatable
{
    public ValueList<Peer> Identities { get; init; } = [];

    /// <summary>Clients without a mesh identity (unmeshed) are allowed too.</summary>
    public bool Unauthenticated { get; init; }

    /// <summary>Client addresses allowed; empty means any address.</summary>
    public ValueList<NetworkBlock> Networks { get; init; } = [];

    public static AccessSource From(params Peer[] identities) => new() { Identities = identities.ToValueList() };

    public static AccessSource FromNetworks(params NetworkBlock[] networks) => new() { Unauthenticated = true, Networks = networks.ToValueList() };

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var problems = new List<ValidationProblem>();
        var identitiesPath = FieldPath.Child(path, "identities");
        if (Unauthenticated && Identities.Count > 0)
        {
            problems.Add(new(identitiesPath, "unauthenticated clients are allowed, so naming identities adds nothing; use a separate source"));
        }
        if (!Unauthenticated && Identities.Count == 0)
        {
            problems.Add(new(path, "name identities, or set unauthenticated: true"));
        }
        for (var i = 0; i < Identities.Count; i++)
        {
            problems.AddRange(Identities[i].Validate(FieldPath.Index(identitiesPath, i)));
            if (Identities.Take(i).Contains(Identities[i]))
            {
                problems.Add(new(FieldPath.Index(identitiesPath, i), "is listed twice"));
            }
        }
        if (Identities.Count > 1 && Identities.Any(p => p.Kind == PeerKind.AnyMeshed))
        {
            problems.Add(new(identitiesPath, "anyMeshed already covers every identity; list it alone"));
        }
        for (var i = 0; i < Networks.Count; i++)
        {
            problems.AddRange(Networks[i].Validate(FieldPath.Index(FieldPath.Child(path, "networks"), i)));
        }
        return problems;
    }
}
