using System.Net;
using Kubemate.Cluster.Http;

namespace Kubemate.Cluster.Apply;

/// <summary>Turns a 409 from server-side apply into the fields and the managers that own them.</summary>
internal static class ConflictReader
{
    public static IReadOnlyList<FieldConflict> Read(ClusterApiException error) =>
        error.StatusCode != HttpStatusCode.Conflict
            ? []
            : error.Causes.Where(c => c.Reason == "FieldManagerConflict").Select(c => new FieldConflict(c.Field, ManagerOf(c.Message), c.Message)).ToList();

    // The cause message reads: conflict with "manager" [with subresource "s"] [using apps/v1]
    private static string ManagerOf(string message)
    {
        var start = message.IndexOf('"');
        var end = start < 0 ? -1 : message.IndexOf('"', start + 1);
        return end > start ? message[(start + 1)..end] : message;
    }
}
