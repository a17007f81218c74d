using System.Text.Json.Nodes;
using Kubemate.Cluster.Apply;
using Kubemate.Cluster.GitOps;

namespace Kubemate.Cluster.Tests;

/// <summary>
/// Sensitive values are replaced by words that say whether they changed; keys, user names and everything else stay.
/// Each row: the object's apiVersion and kind, the sensitive part before and after (null: the object is absent),
/// and what each side reads once redacted.
/// </summary>
public sealed class SensitiveValuesTests
{
    public static TheoryData<string, string, string?, string?, string?, string?> Cases => new()
    {
        // A Secret's data: keys stay, values become words.
        { "v1", "Secret", null, """{"data":{"password":"UzNjcjN0"}}""", null, """{"data":{"password":"<redacted, added>"}}""" },
        { "v1", "Secret", """{"data":{"password":"UzNjcjN0"}}""", null, """{"data":{"password":"<redacted>"}}""", null },
        { "v1", "Secret", """{"data":{"password":"UzNjcjN0","user":"YQ=="}}""", """{"data":{"password":"TjN3","user":"YQ==","new":"Yg=="}}""",
            """{"data":{"password":"<redacted>","user":"<redacted, unchanged>"}}""",
            """{"data":{"password":"<redacted, changed>","user":"<redacted, unchanged>","new":"<redacted, added>"}}""" },
        { "v1", "Secret", """{"data":{"old":"YQ=="}}""", """{"data":{}}""", """{"data":{"old":"<redacted>"}}""", """{"data":{}}""" },
        // stringData alike, and a value of the wrong shape is one secret as a whole.
        { "v1", "Secret", """{"stringData":{"password":"S3cr3t"}}""", """{"stringData":{"password":"N3w"}}""",
            """{"stringData":{"password":"<redacted>"}}""", """{"stringData":{"password":"<redacted, changed>"}}""" },
        { "v1", "Secret", """{"stringData":"S3cr3t"}""", """{"stringData":"S3cr3t"}""",
            """{"stringData":"<redacted, unchanged>"}""", """{"stringData":"<redacted, unchanged>"}""" },
        // Other kinds, and Secrets of another group, keep their data.
        { "v1", "ConfigMap", """{"data":{"mode":"a"}}""", """{"data":{"mode":"b"}}""", """{"data":{"mode":"a"}}""", """{"data":{"mode":"b"}}""" },
        { "example.com/v1", "Secret", """{"data":{"k":"a"}}""", null, """{"data":{"k":"a"}}""", null },
        // Traefik's inline htpasswd lines: the user stays, the hash goes; lines are matched by user.
        { "traefik.io/v1alpha1", "Middleware", """{"spec":{"basicAuth":{"users":["ops:$apr1$x","dev:$apr1$y"]}}}""",
            """{"spec":{"basicAuth":{"users":["ops:$apr1$x","dev:$apr1$z","qa:$apr1$q"]}}}""",
            """{"spec":{"basicAuth":{"users":["ops:<redacted, unchanged>","dev:<redacted>"]}}}""",
            """{"spec":{"basicAuth":{"users":["ops:<redacted, unchanged>","dev:<redacted, changed>","qa:<redacted, added>"]}}}""" },
        { "traefik.containo.us/v1alpha1", "Middleware", null, """{"spec":{"digestAuth":{"users":["ops:traefik:abc","nocolon"]}}}""",
            null, """{"spec":{"digestAuth":{"users":["ops:traefik:<redacted, added>","<redacted, added>"]}}}""" },
        { "traefik.io/v1alpha1", "Middleware", """{"spec":{"basicAuth":{"secret":"auth"}}}""", null, """{"spec":{"basicAuth":{"secret":"auth"}}}""", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Values_become_words_saying_whether_they_changed(string apiVersion, string kind, string? before, string? after, string? redactedBefore, string? redactedAfter)
    {
        var (b, a) = SensitiveValues.Redact(Object(apiVersion, kind, before), Object(apiVersion, kind, after));

        AssertSame(Object(apiVersion, kind, redactedBefore), b);
        AssertSame(Object(apiVersion, kind, redactedAfter), a);
    }

    [Fact]
    public void The_originals_are_left_as_they_were()
    {
        var secret = Object("v1", "Secret", """{"data":{"password":"UzNjcjN0"}}""")!;

        SensitiveValues.Redact(secret, null);

        Assert.Equal("UzNjcjN0", (string?)secret["data"]!["password"]);
    }

    [Fact]
    public void A_secret_diff_names_the_changed_key_and_no_value()
    {
        var before = Object("v1", "Secret", """{"data":{"password":"UzNjcjN0","user":"YQ=="}}""");
        var after = Object("v1", "Secret", """{"data":{"password":"TjN3","user":"YQ=="}}""");

        var diff = DiffBuilder.Build(before, after);

        Assert.Equal("data:\n  password: <redacted>\n", diff.Before);
        Assert.Equal("data:\n  password: <redacted, changed>\n", diff.After);
        Assert.True(DiffBuilder.Build(before, Object("v1", "Secret", """{"data":{"password":"UzNjcjN0","user":"YQ=="}}""")).IsEmpty);
    }

    [Fact]
    public void A_conflict_on_a_secret_value_does_not_quote_the_value()
    {
        var current = Object("v1", "Secret", """{"data":{"password":"TjN3"}}""")!;
        current["metadata"]!["managedFields"] = JsonNode.Parse("""[{"manager":"kubectl","fieldsV1":{"f:data":{"f:password":{}}}}]""");

        var conflicts = StaleObjectConflicts.Build(Object("v1", "Secret", """{"data":{"password":"UzNjcjN0"}}"""), current, "1");

        var conflict = Assert.Single(conflicts);
        Assert.Equal(".data.password", conflict.Field);
        Assert.DoesNotContain("TjN3", conflict.Message, StringComparison.Ordinal);
        Assert.Contains("<redacted>", conflict.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v1", "Secret", """{"stringData":{"password":"S3cr3t"}}""", "changes[0].object.stringData", "SealedSecret")]
    [InlineData("traefik.io/v1alpha1", "Middleware", """{"spec":{"basicAuth":{"users":["ops:$apr1$x"]}}}""", "changes[0].object.spec.basicAuth.users", "spec.basicAuth.secret")]
    public void A_gitops_export_refuses_sensitive_values_naming_the_field_and_what_to_commit_instead(string apiVersion, string kind, string fields, string field, string advice)
    {
        var changeSet = ChangeSet.ApplyAll([Object(apiVersion, kind, fields)!]);

        var error = Assert.Throws<ArgumentException>(() => GitOpsExport.ToStream(changeSet));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Contains(advice, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("S3cr3t", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("$apr1$x", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_without_values_and_the_deletion_of_a_secret_are_exported()
    {
        var empty = Object("v1", "Secret", """{"type":"Opaque","data":{}}""")!;
        var deleted = Object("v1", "Secret", """{"data":{"password":"UzNjcjN0"}}""")!;
        deleted["metadata"]!["name"] = "old";

        var stream = GitOpsExport.ToStream(new ChangeSet([Change.Apply(empty), Change.Delete(deleted)]));

        Assert.Contains("# delete: Secret orders/old (v1)", stream, StringComparison.Ordinal);
        Assert.Contains("type: Opaque", stream, StringComparison.Ordinal);
        Assert.DoesNotContain("UzNjcjN0", stream, StringComparison.Ordinal);
    }

    private static JsonObject? Object(string apiVersion, string kind, string? fields)
    {
        if (fields is null)
        {
            return null;
        }
        var obj = new JsonObject
        {
            ["apiVersion"] = apiVersion,
            ["kind"] = kind,
            ["metadata"] = new JsonObject { ["name"] = "creds", ["namespace"] = "orders" },
        };
        foreach (var (key, value) in JsonNode.Parse(fields)!.AsObject())
        {
            obj[key] = value?.DeepClone();
        }
        return obj;
    }

    private static void AssertSame(JsonObject? expected, JsonObject? actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected?.ToJsonString()}, got {actual?.ToJsonString()}");
}
