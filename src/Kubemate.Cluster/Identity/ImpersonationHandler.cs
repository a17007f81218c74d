namespace Kubemate.Cluster.Identity;

/// <summary>
/// Adds the impersonation headers to every request of one user's client. The official client does not apply
/// kubeconfig's impersonation settings itself, so each user client carries its own handler.
/// </summary>
public sealed class ImpersonationHandler : DelegatingHandler
{
    private readonly UserIdentity _user;

    public ImpersonationHandler(UserIdentity user)
    {
        // Several groups travel comma-joined until split into lines on the wire, so a comma inside a name cannot be told apart.
        if (user.Groups.FirstOrDefault(g => g.Contains(',')) is { } bad)
        {
            throw new ArgumentException($"groups: \"{bad}\" contains a comma, which cannot be impersonated", nameof(user));
        }
        if (string.IsNullOrWhiteSpace(user.Name))
        {
            throw new ArgumentException("name: required for impersonation", nameof(user));
        }
        _user = user;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("Impersonate-User");
        request.Headers.Remove("Impersonate-Group");
        request.Headers.Add("Impersonate-User", _user.Name);
        foreach (var group in _user.Groups)
        {
            request.Headers.Add("Impersonate-Group", group);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
