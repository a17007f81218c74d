namespace Kubemate.Schema.Pruning;

/// <summary>The fields of <c>metav1.ObjectMeta</c>; anything else under <c>metadata</c> is dropped by the apiserver.</summary>
internal static class ObjectMetaFields
{
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp",
        "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers",
        "managedFields",
    };
}
