namespace Kubemate.ApiMachinery.Rbac;

/// <summary>
/// What a request wants to do, as the apiserver's request-info filter derives it: for a resource request the verb
/// (<c>get</c>, <c>list</c>, <c>watch</c>, <c>create</c>, <c>update</c>, <c>patch</c>, <c>delete</c>,
/// <c>deletecollection</c>, <c>impersonate</c>…), group, resource, subresource, namespace and name; for any other
/// request the lower-case HTTP verb and the URL path.
/// </summary>
public sealed record RequestAttributes(
    string Verb,
    string? ApiGroup,
    string? Resource,
    string? Subresource,
    string? Namespace,
    string? Name,
    bool IsResourceRequest,
    string? Path)
{
    public static RequestAttributes ForResource(string verb, string? apiGroup, string resource, string? ns = null, string? name = null, string? subresource = null) =>
        new(verb, apiGroup, resource, subresource, ns, name, IsResourceRequest: true, Path: null);

    public static RequestAttributes ForPath(string verb, string path) =>
        new(verb, null, null, null, null, null, IsResourceRequest: false, path);
}
