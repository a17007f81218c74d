namespace Kubemate.Sandbox.Http;

/// <summary>What a request addresses, parsed from its path and method as the apiserver's RequestInfoFactory does.</summary>
public sealed record RequestInfo
{
    public bool IsResourceRequest { get; init; }
    public string Path { get; init; } = "/";
    /// <summary>Kubernetes verb: get, list, watch, create, update, patch, delete, deletecollection (or the HTTP verb for non-resource paths).</summary>
    public string Verb { get; init; } = "get";
    public string Group { get; init; } = "";
    public string Version { get; init; } = "";
    public string Resource { get; init; } = "";
    public string Subresource { get; init; } = "";
    public string Namespace { get; init; } = "";
    public string Name { get; init; } = "";
    /// <summary>For pod/service proxy: the rest of the path after <c>proxy/</c>.</summary>
    public string ProxyPath { get; init; } = "";

    public static RequestInfo Parse(string method, string path, bool watchQuery)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var info = new RequestInfo { Path = path, Verb = method.ToLowerInvariant() };
        int index;
        string group;
        if (segments.Length >= 2 && segments[0] == "api")
        {
            group = "";
            index = 1;
        }
        else if (segments.Length >= 3 && segments[0] == "apis")
        {
            group = segments[1];
            index = 2;
        }
        else
        {
            return info;
        }
        var version = segments[index++];
        var rest = segments[index..];
        var legacyWatch = false;
        if (rest.Length > 0 && rest[0] == "watch")
        {
            legacyWatch = true;
            rest = rest[1..];
        }
        if (rest.Length == 0)
        {
            return info;
        }

        var ns = "";
        if (rest[0] == "namespaces" && rest.Length > 1)
        {
            // As the apiserver: /namespaces/{ns}/{resource}… scopes a resource, except the namespace's own
            // subresources (/namespaces/{name}/status|finalize); a namespace's own requests carry its name as namespace.
            ns = rest[1];
            if (rest.Length > 2 && rest[2] is not ("status" or "finalize"))
            {
                rest = rest[2..];
            }
        }
        var resource = rest[0];
        var name = rest.Length > 1 ? rest[1] : "";
        var subresource = rest.Length > 2 ? rest[2] : "";
        var proxyPath = "";
        if (subresource == "proxy")
        {
            proxyPath = string.Join('/', rest[3..]);
        }
        else if (rest.Length > 3)
        {
            return info;
        }

        var verb = method.ToUpperInvariant() switch
        {
            "GET" or "HEAD" => name.Length > 0 ? (legacyWatch || watchQuery ? "watch" : "get") : (legacyWatch || watchQuery ? "watch" : "list"),
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" => name.Length > 0 ? "delete" : "deletecollection",
            _ => method.ToLowerInvariant(),
        };
        return info with
        {
            IsResourceRequest = true,
            Verb = verb,
            Group = group,
            Version = version,
            Resource = resource,
            Subresource = subresource,
            Namespace = ns,
            Name = name,
            ProxyPath = proxyPath,
        };
    }
}
