using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Validation;
using Kubemate.Schema.Validation;

namespace Kubemate.Schema.Crds;

/// <summary>Reads an apiextensions.k8s.io/v1 CustomResourceDefinition and checks it as the apiserver does on create.</summary>
internal static class CrdReader
{
    private const string ApiVersion = "apiextensions.k8s.io/v1";
    private static readonly string[] Scopes = ["Cluster", "Namespaced"];

    public static (CrdInfo? Info, IReadOnlyList<FieldError> Errors) Read(JsonObject crd)
    {
        var errors = new List<FieldError>();
        var reader = new FieldReader(errors);
        var root = FieldPath.Empty;

        var apiVersion = reader.String(crd, "apiVersion", root);
        if (apiVersion != ApiVersion)
        {
            errors.Add(FieldError.NotSupported("apiVersion", apiVersion, [ApiVersion]));
        }
        var kind = reader.String(crd, "kind", root);
        if (kind != "CustomResourceDefinition")
        {
            errors.Add(FieldError.NotSupported("kind", kind, ["CustomResourceDefinition"]));
        }

        var spec = reader.Object(crd, "spec", root);
        var specPath = root.Child("spec");
        if (spec is null)
        {
            errors.Add(FieldError.Required("spec"));
            return (null, errors);
        }

        var group = reader.String(spec, "group", specPath) ?? string.Empty;
        CheckGroup(group, specPath.Child("group"), errors);
        var scope = reader.String(spec, "scope", specPath) ?? string.Empty;
        if (scope.Length == 0)
        {
            errors.Add(FieldError.Required("spec.scope"));
        }
        else if (!Scopes.Contains(scope))
        {
            errors.Add(FieldError.NotSupported("spec.scope", scope, Scopes));
        }
        if (reader.Bool(spec, "preserveUnknownFields", specPath))
        {
            errors.Add(FieldError.Invalid("spec.preserveUnknownFields", JsonValue.Create(true),
                "cannot set to true, set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead"));
        }

        var names = CrdNamesReader.Read(reader.Object(spec, "names", specPath), specPath.Child("names"), reader, errors);
        var name = reader.String(reader.Object(crd, "metadata", root), "name", root.Child("metadata")) ?? string.Empty;
        CheckName(name, names.Plural, group, errors);

        var versions = CrdVersionReader.ReadAll(reader.List(spec, "versions", specPath), specPath.Child("versions"), reader, errors);
        return errors.Count == 0 ? (new CrdInfo(name, group, names, scope, versions), errors) : (null, errors);
    }

    private static void CheckGroup(string group, FieldPath path, List<FieldError> errors)
    {
        if (group.Length == 0)
        {
            errors.Add(FieldError.Required(path.ToString()));
        }
        else if (NameFormats.IsDns1123Subdomain(group) is { Count: > 0 } problems)
        {
            errors.Add(FieldError.Invalid(path.ToString(), group, string.Join(",", problems)));
        }
        else if (!group.Contains('.'))
        {
            errors.Add(FieldError.Invalid(path.ToString(), group, "should be a domain with at least one dot"));
        }
    }

    private static void CheckName(string name, string plural, string group, List<FieldError> errors)
    {
        if (name.Length == 0)
        {
            errors.Add(FieldError.Required("metadata.name", "name or generateName is required"));
            return;
        }
        foreach (var problem in NameFormats.IsDns1123Subdomain(name))
        {
            errors.Add(FieldError.Invalid("metadata.name", name, problem));
        }
        if (name != plural + "." + group)
        {
            errors.Add(FieldError.Invalid("metadata.name", name, "must be spec.names.plural+\".\"+spec.group"));
        }
    }
}
