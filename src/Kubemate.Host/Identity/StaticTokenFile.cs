namespace Kubemate.Host.Identity;

/// <summary>
/// Reads Kubernetes' static token file format: one user per line, <c>token,user,uid,"group1,group2"</c>
/// (groups optional, quoted when there are several). Blank lines and lines starting with # are ignored.
/// </summary>
public static class StaticTokenFile
{
    public static IReadOnlyList<DirectoryUser> Parse(string text, string fileName = "token file")
    {
        var users = new List<DirectoryUser>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var fields = SplitCsv(line, $"{fileName}:{i + 1}");
            if (fields.Count < 3)
            {
                throw new FormatException($"{fileName}:{i + 1}: expected token,user,uid[,\"groups\"], got {fields.Count} field(s)");
            }
            if (fields[0].Length == 0 || fields[1].Length == 0)
            {
                throw new FormatException($"{fileName}:{i + 1}: {(fields[0].Length == 0 ? "token" : "user")} is empty");
            }
            var groups = fields.Count > 3
                ? fields[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [];
            users.Add(new DirectoryUser(fields[1], groups, fields[0]));
        }
        var duplicate = users.GroupBy(u => u.Token, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new FormatException($"{fileName}: the token of user {duplicate.First().Name} is used by {duplicate.Count()} lines");
        }
        return users;
    }

    public static async Task<IReadOnlyList<DirectoryUser>> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new ArgumentException($"token-file: \"{path}\" does not exist", nameof(path));
        }
        return Parse(await File.ReadAllTextAsync(path, cancellationToken), Path.GetFileName(path));
    }

    private static List<string> SplitCsv(string line, string where)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                if (quoted && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else
                {
                    quoted = !quoted;
                }
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        if (quoted)
        {
            throw new FormatException($"{where}: unterminated quote");
        }
        fields.Add(current.ToString().Trim());
        return fields;
    }
}
