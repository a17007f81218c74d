using Kubemate.Audit.Validation;

namespace Kubemate.Audit.Tests;

public sealed class AuditEntryValidatorTests
{
    [Fact]
    public void A_complete_entry_has_no_errors()
    {
        Assert.Empty(AuditEntryValidator.Validate(AuditEntries.RouteApply()));
        Assert.Empty(AuditEntryValidator.Validate(AuditEntries.DeniedDelete()));
    }

    [Fact]
    public void Missing_fields_are_named_by_path()
    {
        var entry = AuditEntries.MeshEnable() with
        {
            User = "",
            SourceAddress = null!,
            Cluster = " ",
            Groups = ["ops", ""],
            Objects = [new("apps/v1", "", "orders", "api", "update", "applied"), new("v1", "Namespace", "", "x", "patch", "")],
        };

        var paths = AuditEntryValidator.Validate(entry).Select(e => e.ToString()).ToList();

        Assert.Equal(
        [
            "user: is required",
            "sourceAddress: is required",
            "cluster: is required",
            "groups[1]: is required",
            "objects[0].kind: is required",
            "objects[1].status: is required",
            "objects[1].namespace: must be omitted (null) for cluster-scoped objects, not blank",
        ], paths);
    }

    [Fact]
    public void Operation_must_be_a_lower_case_verb()
    {
        var errors = AuditEntryValidator.Validate(AuditEntries.MeshEnable() with { Operation = "Mesh Enable" });

        Assert.Equal("operation", Assert.Single(errors).Path);
    }

    [Fact]
    public void Undefined_outcome_is_rejected()
    {
        var errors = AuditEntryValidator.Validate(AuditEntries.MeshEnable() with { Outcome = (AuditOutcome)42 });

        Assert.Equal("outcome", Assert.Single(errors).Path);
    }

    [Fact]
    public void Strings_a_store_cannot_keep_verbatim_are_rejected()
    {
        var entry = AuditEntries.RouteApply() with { Diff = "a\0b", User = "x\ud800y" };

        var errors = AuditEntryValidator.Validate(entry);

        Assert.Contains(errors, e => e.Path == "diff" && e.Reason.Contains("NUL"));
        Assert.Contains(errors, e => e.Path == "user" && e.Reason.Contains("surrogate"));
    }

    [Fact]
    public void The_exception_message_lists_every_field()
    {
        var error = Assert.Throws<AuditValidationException>(() => AuditEntryValidator.ThrowIfInvalid(AuditEntries.MeshEnable() with { User = "", Cluster = "" }));

        Assert.Equal("invalid audit entry: user: is required; cluster: is required", error.Message);
    }
}
