namespace Kubemate.ApiMachinery.FieldManagement;

/// <summary>
/// Fields the apiserver sets or that identify the object: nobody owns them, so they are taken out of every set a
/// manager records (<c>metadata</c> itself only as a member; fields inside it such as labels stay).
/// </summary>
internal static class ServerOwnedFields
{
    private static readonly FieldSet Fields = FieldSet.FromPaths(
    [
        FieldPath.Fields("apiVersion"),
        FieldPath.Fields("kind"),
        FieldPath.Fields("metadata"),
        FieldPath.Fields("metadata", "name"),
        FieldPath.Fields("metadata", "namespace"),
        FieldPath.Fields("metadata", "creationTimestamp"),
        FieldPath.Fields("metadata", "selfLink"),
        FieldPath.Fields("metadata", "uid"),
        FieldPath.Fields("metadata", "clusterName"),
        FieldPath.Fields("metadata", "generation"),
        FieldPath.Fields("metadata", "managedFields"),
        FieldPath.Fields("metadata", "resourceVersion"),
    ]);

    public static FieldSet StripFrom(FieldSet set) => set.Difference(Fields);
}
