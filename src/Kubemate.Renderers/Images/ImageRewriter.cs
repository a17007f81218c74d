using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Model.Edge.Images;
using Kubemate.Model.Validation;
using Kubemate.Renderers.Json;

namespace Kubemate.Renderers.Images;

/// <summary>One image that was changed: in which object, at which field, from what to what.</summary>
public sealed record ImageRewrite(string Object, string Path, string From, string To);

public sealed record ImageRewriteResult(IReadOnlyList<JsonObject> Objects, IReadOnlyList<ImageRewrite> Rewrites);

/// <summary>
/// Points every image of a manifest set at a private registry. Pod specs are found by shape (an object with a
/// <c>containers</c> list), so pods, every workload's pod template, CronJobs, Lists and custom resources that embed pod
/// templates are all covered; containers, initContainers and ephemeralContainers are rewritten.
/// </summary>
public static class ImageRewriter
{
    private static readonly string[] ContainerLists = ["containers", "initContainers", "ephemeralContainers"];

    public static ImageRewriteResult Rewrite(IEnumerable<JsonObject> manifests, PrivateRegistryRewrite rule)
    {
        ModelValidationException.ThrowIfInvalid(rule);
        var objects = new List<JsonObject>();
        var rewrites = new List<ImageRewrite>();
        foreach (var manifest in manifests)
        {
            var copy = (JsonObject)manifest.DeepClone();
            Walk(copy, "", KubeObject.Describe(copy), rule, rewrites);
            objects.Add(copy);
        }
        return new ImageRewriteResult(objects, rewrites);
    }

    public static string RewriteImage(string image, PrivateRegistryRewrite rule)
    {
        var registry = rule.Registry.TrimEnd('/');
        if (image.StartsWith(registry + "/", StringComparison.Ordinal) || rule.Exclude.Any(prefix => image.StartsWith(prefix, StringComparison.Ordinal)))
        {
            return image;
        }
        var reference = ImageReference.Parse(image);
        var repository = rule.KeepSourceRegistryInPath && reference.Registry is not null
            ? reference.Registry + "/" + reference.Repository
            : reference.Repository;
        return (reference with { Registry = registry, Repository = repository }).ToString();
    }

    private static void Walk(JsonNode? node, string path, string owner, PrivateRegistryRewrite rule, List<ImageRewrite> rewrites)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["containers"] is JsonArray)
                {
                    RewritePodSpec(obj, path, owner, rule, rewrites);
                }
                foreach (var (key, child) in obj.ToList())
                {
                    Walk(child, path.Length == 0 ? key : $"{path}.{key}", owner, rule, rewrites);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]", owner, rule, rewrites);
                }
                break;
        }
    }

    private static void RewritePodSpec(JsonObject podSpec, string path, string owner, PrivateRegistryRewrite rule, List<ImageRewrite> rewrites)
    {
        foreach (var list in ContainerLists)
        {
            if (podSpec[list] is not JsonArray containers)
            {
                continue;
            }
            for (var i = 0; i < containers.Count; i++)
            {
                if (containers[i] is JsonObject container
                    && container["image"] is JsonValue value
                    && value.GetValueKind() == JsonValueKind.String
                    && value.GetValue<string>() is { Length: > 0 } image)
                {
                    var rewritten = RewriteImage(image, rule);
                    if (rewritten != image)
                    {
                        container["image"] = rewritten;
                        var where = path.Length == 0 ? $"{list}[{i}].image" : $"{path}.{list}[{i}].image";
                        rewrites.Add(new ImageRewrite(owner, where, image, rewritten));
                    }
                }
            }
        }
    }
}
