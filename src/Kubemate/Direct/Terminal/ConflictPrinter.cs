using Kubemate.Cluster.Apply;

namespace Kubemate.Direct.Terminal;

/// <summary>Lists the fields another field manager owns, and the way to take them if that is really meant.</summary>
public static class ConflictPrinter
{
    public static void Write(TextWriter error, IEnumerable<(string Object, FieldConflict Conflict)> conflicts)
    {
        var list = conflicts.ToList();
        error.WriteLine($"conflict: {list.Count} field{(list.Count == 1 ? " is" : "s are")} owned by another field manager; nothing was changed:");
        var withObjects = list.Any(c => c.Object.Length > 0);
        var table = withObjects ? new TextTable("OBJECT", "FIELD", "MANAGER") : new TextTable("FIELD", "MANAGER");
        foreach (var (obj, conflict) in list)
        {
            if (withObjects)
            {
                table.Add(obj, conflict.Field, Manager(conflict));
            }
            else
            {
                table.Add(conflict.Field, Manager(conflict));
            }
        }
        table.Write(error);
        error.WriteLine("take them over only if you mean to: run again with --force-conflicts");
    }

    // Every Kubemate user applies as "kubemate"; the audit trail may know which one it was.
    private static string Manager(FieldConflict conflict) =>
        conflict.ChangedBy is null ? conflict.Manager : $"{conflict.Manager} (last changed by {conflict.ChangedBy})";
}
